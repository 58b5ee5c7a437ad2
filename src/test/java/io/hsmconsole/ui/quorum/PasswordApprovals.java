package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.TimeText;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A quorum gate for view-model tests: the approval dialog's own view model over the real
 * simulator, where the named approvers type their passwords in order (the HSM checks each). It
 * records what it was asked and keeps the dialog's model for the test to inspect.
 */
public final class PasswordApprovals implements QuorumGate {
    public final List<QuorumRequest> requests = new ArrayList<>();
    public final List<QuorumApprovalViewModel> dialogs = new ArrayList<>();
    private final QuorumController quorum;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private boolean cancel;

    public PasswordApprovals(QuorumController quorum) {
        this.quorum = quorum;
    }

    /** The approvers who will type their password, in this order. */
    public PasswordApprovals approver(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** Makes the next request end with Cancel before anyone approves. */
    public PasswordApprovals cancelling() {
        cancel = true;
        return this;
    }

    @Override
    public void approve(QuorumRequest request, Consumer<QuorumPass> approved, Runnable cancelled) {
        requests.add(request);
        QuorumApprovalViewModel vm = new QuorumApprovalViewModel(quorum, Messages.load(),
                new TimeText(ZoneOffset.UTC), request);
        dialogs.add(vm);
        vm.start();
        if (cancel) {
            cancel = false;
            vm.cancel();
        }
        for (Map.Entry<String, String> p : passwords.entrySet()) {
            vm.approvers().stream().filter(r -> r.user().name().equals(p.getKey())).findFirst()
                    .ifPresent(row -> vm.approve(row, p.getValue().toCharArray()));
        }
        if (vm.cleared()) {
            approved.accept(vm.pass());
        } else {
            vm.cancel(); // the approvals did not come together: the user gives up
            cancelled.run();
        }
    }
}
