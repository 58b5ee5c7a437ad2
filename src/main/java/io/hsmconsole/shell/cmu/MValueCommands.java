package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.text.MValueText;
import io.hsmconsole.text.NodeAddresses;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * getMValue and setMValue: the crypto officers' quorum minimum per service (3 USER_MGMT, 4
 * MISC_CO), as quorum-authentication-crypto-officers-first-time-setup.md and
 * -change-minimum-value.md show them. The simulator decides who may and when a token is needed.
 */
final class MValueCommands {
    private static final String SERVICES = "the service is 3 (USER_MGMT: createUser, deleteUser, changePswd of another"
            + " user) or 4 (MISC_CO: setMValue)";

    private MValueCommands() {
    }

    static List<CmuCommand> all() {
        return List.of(
                new CmuCommand("getMValue", "getMValue <service number 3|4>",
                        "Gets the quorum minimum value (m value) of an officers' service: 3 = USER_MGMT, 4 = MISC_CO.",
                        1, 1, MValueCommands::getMValue),
                new CmuCommand("setMValue", "setMValue <service number 3|4> <m value 1-8>",
                        "Sets the quorum minimum value of an officers' service (at most the number of crypto officers)."
                                + " While service 4's or the changed service's value is 2 or more, this needs a token"
                                + " for service 4 (getToken 4) with that many approvals. Crypto officers only.",
                        2, 2, MValueCommands::setMValue));
    }

    private static Optional<QuorumService> service(String text, CmuContext c) {
        Optional<QuorumService> s = Optional.ofNullable(Tokens.decimalInt(text)).flatMap(QuorumService::forOfficers);
        if (s.isEmpty()) {
            c.out().println("Invalid arguments: " + SERVICES);
        }
        return s;
    }

    private static ExitStatus getMValue(List<String> a, CmuContext c) {
        Optional<QuorumService> service = service(a.get(0), c);
        if (service.isEmpty()) {
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("getMValue", a.get(0));
        }
        HsmResult<Integer> result = c.session().get().officerQuorum().getMValue(service.get());
        if (!result.isSuccess()) {
            return c.perServer("getMValue", result);
        }
        for (NodeResult n : result.nodes()) {
            if (n.code().isSuccess()) {
                c.out().println(MValueText.value(service.get(), n.nodeId(), result.value()));
            } else {
                c.out().printf("getMValue failed on server %s: %s%n", NodeAddresses.server(n.nodeId()), n.code().text());
            }
        }
        return ExitStatus.SUCCESS;
    }

    private static ExitStatus setMValue(List<String> a, CmuContext c) {
        Optional<QuorumService> service = service(a.get(0), c);
        Integer value = Tokens.decimalInt(a.get(1));
        if (service.isEmpty()) {
            return ExitStatus.USAGE;
        }
        if (value == null) {
            c.out().println("Invalid arguments: the m value is a number from 1 to 8");
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("setMValue", a.get(0) + " " + a.get(1));
        }
        if (!c.confirm()) {
            return ExitStatus.SUCCESS;
        }
        c.out().println(MValueText.setting(service.get(), value, c.onlineNodes()));
        Supplier<HsmResult<?>> run = () -> c.session().get().officerQuorum().setMValue(service.get(), value);
        return UserOperationAnswer.report("setMValue", UserOperationAnswer.Style.created("setting M value"), run,
                run.get(), c);
    }
}
