package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.AttributeEntry;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.AvailabilityQuorum;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.FileKind;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.quorum.QuorumGate;
import io.hsmconsole.ui.quorum.QuorumRequest;
import io.hsmconsole.ui.quorum.QuorumRetry;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The attribute inspector: every attribute of the selected key with constant, raw KMU value and
 * meaning; which of them this user may change, as the simulator says (and why not, for the
 * others); owner, shared users, quorum and the nodes holding the key; saving the attributes as
 * {@code getAttribute -a 512} writes them. A change the simulator refuses for want of quorum
 * approvals goes through the quorum gate and is made again once they are in.
 */
public final class InspectorViewModel {
    private final KeyController keys;
    private final Messages messages;
    private final DialogService dialogs;
    private final QuorumGate quorumGate;
    private final HsmErrors errors;
    private final ObservableList<AttributeRowModel> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<KeyDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper sharedWith = new ReadOnlyStringWrapper(this, "sharedWith", "");
    private final ReadOnlyStringWrapper quorum = new ReadOnlyStringWrapper(this, "quorum", "");
    private final ReadOnlyStringWrapper approvers = new ReadOnlyStringWrapper(this, "approvers", "");
    private final ReadOnlyStringWrapper nodes = new ReadOnlyStringWrapper(this, "nodes", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper hasKey = new ReadOnlyBooleanWrapper(this, "hasKey");
    private final ReadOnlyStringWrapper whyNoSharing = new ReadOnlyStringWrapper(this, "whyNoSharing", "");
    private Long handle;
    private Long statusHandle;
    /** The key last shown: selecting it again (the list does after every change) is a refresh. */
    private Long shownHandle;

    public InspectorViewModel(KeyController keys, Messages messages, DialogService dialogs, QuorumGate quorumGate) {
        this.keys = keys;
        this.messages = messages;
        this.dialogs = dialogs;
        this.quorumGate = quorumGate;
        this.errors = new HsmErrors(messages);
        clear();
    }

    /** Shows this key (null: no key selected). */
    public void inspect(Long keyHandle) {
        // The list drops and re-selects the key after every change: what happened to it stays said.
        if (keyHandle != null && !keyHandle.equals(statusHandle)) {
            status.set("");
        }
        // The list re-selects the shown key after each change: that is a refresh, not the user's choice.
        boolean userChose = keyHandle != null && !keyHandle.equals(shownHandle);
        this.handle = keyHandle;
        if (keyHandle == null) {
            clear();
            return;
        }
        read(userChose);
    }

    /** The session ended: the next user's first look at any key is their own read again. */
    public void forgetShown() {
        shownHandle = null;
        inspect(null);
    }

    /** Reads the shown key again (after a change by anyone): the window's own read, not audited. */
    public void refresh() {
        read(false);
    }

    /** The key a user selects is read as their getKeyInfo/getAttribute; re-reads to stay current are not. */
    private void read(boolean userChose) {
        Long wanted = handle;
        if (wanted == null) {
            return;
        }
        java.util.function.Consumer<io.hsmconsole.hsm.HsmResult<KeyDetails>> shown = result -> {
            if (!wanted.equals(handle)) {
                return; // the selection moved on meanwhile
            }
            if (result.isSuccess()) {
                show(result.value());
            } else {
                clear();
                say(wanted, messages.format("inspector.gone", wanted, errors.sentence(result.code())));
            }
        };
        if (userChose) {
            keys.details(wanted, shown);
        } else {
            keys.refreshDetails(wanted, shown);
        }
    }

    private void clear() {
        details.set(null);
        rows.clear();
        hasKey.set(false);
        heading.set(messages.get("inspector.none"));
        owner.set("");
        sharedWith.set("");
        quorum.set("");
        approvers.set("");
        nodes.set("");
        whyNoSharing.set(messages.get("inspector.share.noKey"));
    }

    private void show(KeyDetails d) {
        shownHandle = d.handle();
        details.set(d);
        hasKey.set(true);
        // A key made through PKCS#11 without CKA_LABEL has PKCS#11's empty label.
        heading.set(d.label().isEmpty() ? messages.format("inspector.heading.unlabelled", d.handle())
                : messages.format("inspector.heading", d.handle(), d.label()));
        owner.set(d.owner().toString());
        sharedWith.set(d.sharedWith().isEmpty() ? messages.get("inspector.notShared")
                : d.sharedWith().stream().map(UserRef::toString).collect(Collectors.joining(", ")));
        quorum.set(quorumText(d));
        boolean anyQuorum = MValue.needsQuorum(d.mValue()) || MValue.needsQuorum(d.manageMValue());
        approvers.set(anyQuorum ? approvers(d) : messages.get("inspector.approvers.none"));
        // Below SDK 5's key availability quorum is the simulator's answer (KeyDetails), said here in words.
        String nodesKey = d.belowAvailabilityQuorum() ? "inspector.nodes.belowQuorum"
                : d.token() ? "inspector.nodes" : "inspector.nodes.session";
        nodes.set(messages.format(nodesKey, d.nodesHolding().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                d.nodesHolding().size(), d.clusterNodes().size(), AvailabilityQuorum.REQUIREMENT));
        rows.setAll(d.attributes().stream().map(this::row).toList());
        whyNoSharing.set(d.sharing().refusal().map(code -> {
            String sentence = new java.text.MessageFormat(messages.getOr("inspector.share.refused." + code.name(),
                    errors.sentence(code))).format(new Object[] {d.owner().toString()});
            return Notice.error(sentence, errors.codeLine(code, sentence)).fullText();
        }).orElse(""));
    }

    /**
     * The key's quorum: KMU's one m_value when both services need the same, else both values, each
     * labelled with its service (a key cloudhsm-cli made with --manage-/--use-key-quorum-value).
     */
    private String quorumText(KeyDetails d) {
        if (d.mValue() == d.manageMValue()) {
            return !MValue.needsQuorum(d.mValue()) ? messages.format("inspector.quorum.none", d.mValue())
                    : messages.format("inspector.quorum", d.mValue());
        }
        return messages.format("inspector.quorum.split",
                messages.format(MValue.needsQuorum(d.mValue()) ? "inspector.quorum.use" : "inspector.quorum.use.none",
                        d.mValue()),
                messages.format(MValue.needsQuorum(d.manageMValue()) ? "inspector.quorum.manage"
                        : "inspector.quorum.manage.none", d.manageMValue()));
    }

    /** Whom the simulator accepts approvals from (the key's owner and shared users). */
    private static String approvers(KeyDetails d) {
        return d.quorumApprovers().stream().map(UserRef::toString).collect(Collectors.joining(", "));
    }

    private AttributeRowModel row(AttributeEntry e) {
        if (e.modifiableWithApprovals()) {
            // Changing an attribute is managing the key: its manage value says how many approve.
            KeyDetails d = details.get();
            return new AttributeRowModel(e, null, messages.format(d.mValue() == d.manageMValue()
                    ? "inspector.quorum.edit" : "inspector.quorum.edit.manage", d.manageMValue()));
        }
        String reason = e.whyNotModifiable().map(code -> messages.format("inspector.readOnly",
                Notice.error(errors.sentence(code), errors.codeLine(code, errors.sentence(code))).fullText()))
                .orElse(null);
        return new AttributeRowModel(e, reason, null);
    }

    /** Turns a flag on or off through the simulator (owner only; the simulator decides). */
    public void setFlag(Attribute attribute, boolean on) {
        change(attribute, on ? 1 : 0, null);
    }

    public void setLabel(String label) {
        change(Attribute.LABEL, 0, label);
    }

    private void change(Attribute attribute, long number, String text) {
        Long target = handle;
        if (target == null) {
            return;
        }
        QuorumRequest request = new QuorumRequest(target, QuorumPurpose.MANAGE,
                messages.format("inspector.quorum.action", attribute.kmuName(), target),
                List.of(KeyController.setAttributeCommand(target, attribute, number, text)));
        QuorumRetry.<Void>run(quorumGate, request, done -> keys.setAttribute(target, attribute, number, text, done),
                result -> changed(target, attribute, result), () -> {
                    say(target, messages.format("inspector.quorum.cancelled", attribute.kmuName(), target));
                    refresh(); // puts the editor back to the key's value
                });
    }

    private void changed(long target, Attribute attribute, HsmResult<Void> result) {
        if (result.isSuccess()) {
            say(target, messages.format("inspector.changed", attribute.kmuName(), target));
        } else {
            dialogs.showError(errors.report("setAttribute", result));
        }
        refresh();
    }

    /** The status line, about this key. */
    private void say(long about, String text) {
        statusHandle = about;
        status.set(text);
    }

    /** Asks where, then writes the file {@code getAttribute -o H -a 512 -out FILE} writes. */
    public void saveKmuAttributeFile() {
        Long target = handle;
        if (target == null) {
            return;
        }
        dialogs.chooseSaveFile(messages.get("inspector.save.title"), "attr_" + target,
                FileKind.anyFile(messages.get("file.kind.attributes")))
                .ifPresent(file -> save(target, file));
    }

    void save(long target, Path file) {
        keys.saveAttributeFile(target, file, (HsmResult<Integer> result) -> {
            if (result.isSuccess()) {
                say(target, messages.format("inspector.saved", result.value(), file.getFileName()));
            } else {
                dialogs.showError(errors.report("getAttribute", result));
            }
        });
    }

    public ObservableList<AttributeRowModel> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<KeyDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasKeyProperty() {
        return hasKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Why "Share / unshare" cannot work for the shown key (the simulator's answer); empty when it can. */
    public ReadOnlyStringProperty whyNoSharingProperty() {
        return whyNoSharing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sharedWithProperty() {
        return sharedWith.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty quorumProperty() {
        return quorum.getReadOnlyProperty();
    }

    /** Who may approve (the simulator's answer), for a key with quorum. */
    public ReadOnlyStringProperty approversProperty() {
        return approvers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    /** The last thing that happened (saved, changed), for the inspector's status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
