package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.text.AttributeText;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.KeyText;
import io.hsmconsole.text.KmuPrinter;

import java.nio.charset.StandardCharsets;
import io.hsmconsole.store.OwnerOnly;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The key use cases of the console, each one simulator call (or a short series) in the background.
 * Every rule is the simulator's: this class only asks, translates IDs into names, and tells
 * listeners when the logged-in user changed something.
 */
public final class KeyController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final List<Runnable> keysChanged = new CopyOnWriteArrayList<>();
    private final KeyPairController pairs;
    private final KeyRows rows = new KeyRows();

    public KeyController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.pairs = new KeyPairController(workspace, runner, onError, this::changed);
    }

    /** The key-pair use cases: generating a pair, and what the inspector shows of one. */
    public KeyPairController pairs() {
        return pairs;
    }

    /** Called on the UI thread after this console created, changed, shared or deleted a key. */
    public void addKeysChangedListener(Runnable listener) {
        keysChanged.add(listener);
    }

    private void changed() {
        keysChanged.forEach(Runnable::run);
    }

    /** Every key the logged-in user can see, read once (the list filters in memory). */
    public TaskHandle listKeys(Consumer<HsmResult<List<KeyRow>>> done) {
        return runner.run(BackgroundWork.named("list keys", p -> readKeys(), onError).onSuccess(done));
    }

    HsmResult<List<KeyRow>> readKeys() {
        HsmSession session = workspace.requireSession();
        HsmCluster cluster = workspace.cluster();
        Map<Integer, UserRef> users = userRefs(cluster);
        List<Integer> nodes = cluster.nodeIds();
        Set<Integer> online = cluster.onlineNodeIds();
        int me = session.user().id();
        // the rows of unchanged keys are the same objects as last time (KeyRows)
        return session.listKeys().map(keys -> rows.of(keys, users, nodes, online, me));
    }

    /**
     * Every reason the simulator would refuse this genSymKey now ({@code HsmSession.checkGenSymKey},
     * cluster-wide ID uniqueness included), each tied to its form field, in the HSM's order. Runs in
     * the background: it reads the store.
     */
    public TaskHandle checkGenSymKey(GenSymKeyRequest request, Consumer<List<GenSymKeyProblem>> done) {
        return runner.run(BackgroundWork.named("check genSymKey", p -> workspace.requireSession()
                .checkGenSymKey(request).stream()
                .map(code -> new GenSymKeyProblem(GenSymKeyField.of(code), code)).toList(), onError)
                .onSuccess(done));
    }

    /** How many HSMs the open cluster has, of which type, and which key types it refuses to make. */
    public ClusterFacts clusterFacts() {
        HsmCluster cluster = workspace.cluster();
        Map<KeyType, ReturnCode> refused = new EnumMap<>(KeyType.class);
        for (KeyType type : KeyType.values()) {
            cluster.mayMakeKeysOf(type).refusal().ifPresent(code -> refused.put(type, code));
        }
        return new ClusterFacts(cluster.nodeIds().size(), cluster.hsmType(), refused);
    }

    /** The users the simulator lets the logged-in user share keys with (the other crypto users). */
    public List<UserRef> shareCandidates() {
        return workspace.requireSession().shareCandidates().stream().map(u -> new UserRef(u.id(), u.name())).toList();
    }

    /**
     * genSymKey in the background. While it waits for {@code -min_srv} nodes it reports how many
     * hold the key; cancelling the handle makes the simulator roll the key back and say so.
     */
    public TaskHandle generate(GenSymKeyRequest request, String commandLine, Consumer<SyncProgress> progress,
                               Consumer<HsmResult<GeneratedKey>> done) {
        KmuPrinter printer = KmuPrinter.capturing(); // the console pane shows what genSymKey would have printed
        return runner.run(BackgroundWork.<HsmResult<GeneratedKey>>named("genSymKey", sink -> {
                    HsmSession session = workspace.requireSession();
                    KeySyncProgress printed = new KeySyncProgress(printer, session, CreatedKeyText.GENERATED);
                    WaitingNodes missing = new WaitingNodes(session, workspace.cluster().nodeIds());
                    HsmResult<GeneratedKey> result = session.generateSymmetricKey(request,
                            new FormSyncObserver(printed, missing, runner, progress, sink::isCancelled));
                    CreatedKeyText.print(printer, "Cfm3GenerateSymmetricKey", CreatedKeyText.GENERATED, result,
                            request.minServers(), printed.announced());
                    return result;
                }, onError)
                .onSuccess(result -> {
                    workspace.record(new ActionRecord(ActionRecord.KMU, commandLine, printer.printed()));
                    if (result.value() != null && !result.value().rolledBack()) {
                        changed(); // a key exists (even one whose attestation failed)
                    }
                    done.accept(result);
                }));
    }

    /** Owner, sharing, quorum, coverage and every attribute, with what this user may change: a user's read (audited). */
    public TaskHandle details(long handle, Consumer<HsmResult<KeyDetails>> done) {
        return details(handle, ReadPurpose.COMMAND, done);
    }

    /** As {@link #details}, re-read only so that the window stays current after a change: not audited. */
    public TaskHandle refreshDetails(long handle, Consumer<HsmResult<KeyDetails>> done) {
        return details(handle, ReadPurpose.DISPLAY_REFRESH, done);
    }

    private TaskHandle details(long handle, ReadPurpose purpose, Consumer<HsmResult<KeyDetails>> done) {
        return runner.run(BackgroundWork.named("key details", p -> readDetails(handle, purpose), onError)
                .onSuccess(done));
    }

    HsmResult<KeyDetails> readDetails(long handle) {
        return readDetails(handle, ReadPurpose.COMMAND);
    }

    HsmResult<KeyDetails> readDetails(long handle, ReadPurpose purpose) {
        HsmSession session = workspace.requireSession();
        HsmCluster cluster = workspace.cluster();
        HsmResult<KeyInfo> info = session.keyInfo(handle, purpose);
        if (!info.isSuccess()) {
            return info.map(i -> null);
        }
        HsmResult<KeyAttributes> attributes = session.attributes(handle, purpose);
        if (!attributes.isSuccess()) {
            return attributes.map(a -> null);
        }
        Map<Integer, UserRef> users = userRefs(cluster);
        List<AttributeEntry> entries = attributes.value().all().stream()
                .map(v -> new AttributeEntry(v, AttributeText.dumpValue(v),
                        session.whyNotModifiable(handle, v.attribute())))
                .toList();
        KeyInfo i = info.value();
        List<Integer> nodes = cluster.nodeIds();
        // Who may approve is the simulator's answer (owner and shared users), not ours to work out.
        List<UserRef> approvers = session.quorumTokens().quorumApprovers(handle).valueIfSuccess().orElse(List.of()).stream()
                .map(u -> ref(users, u.id())).toList();
        return info.map(x -> new KeyDetails(handle, ref(users, i.ownerId()),
                i.sharedWith().stream().map(id -> ref(users, id)).toList(), i.mValue(), i.manageMValue(), i.token(), i.nodesHolding(),
                nodes, entries, i.ownerId() == session.user().id(), approvers, session.mayShare(handle),
                session.checkKeyAvailability(handle).code() == ReturnCode.KEY_NOT_AVAILABLE));
    }

    /** Changes one attribute ({@code text} for LABEL, {@code number} 0/1 for the flags). */
    public TaskHandle setAttribute(long handle, Attribute attribute, long number, String text,
                                   Consumer<HsmResult<Void>> done) {
        return runner.run(BackgroundWork.named("setAttribute", p ->
                workspace.requireSession().setAttribute(handle, attribute, number, text), onError)
                .onSuccess(result -> {
                    String command = setAttributeCommand(handle, attribute, number, text);
                    workspace.record(attribute == Attribute.TOKEN
                            ? ActionRecord.kmu(command, p -> KeyText.setAttribute(p, String.valueOf(number), result))
                            : ActionRecord.cmu(command, out -> CmuText.confirmedPerServer("setAttribute", result, out)));
                    if (result.isSuccess()) {
                        changed();
                    }
                    done.accept(result);
                }));
    }

    /**
     * The command an attribute change is: key_mgmt_util only promotes session keys ({@code -a 1});
     * every other change is cloudhsm_mgmt_util's {@code setAttribute <handle> <attribute> <value>}.
     */
    public static String setAttributeCommand(long handle, Attribute attribute, long number, String text) {
        return attribute == Attribute.TOKEN ? "setAttribute -o " + handle + " -a 1"
                : "setAttribute " + handle + " " + attribute.id() + " "
                + (attribute == Attribute.LABEL ? text : String.valueOf(number));
    }

    /**
     * The shareKey commands that would make the key shared with exactly {@code users}: shares with
     * the new ones first, then unshares the others. A key with quorum needs one token per command.
     */
    public TaskHandle planSharing(long handle, List<Integer> users, Consumer<HsmResult<List<SharingChange>>> done) {
        return runner.run(BackgroundWork.named("getKeyInfo", p -> {
            HsmSession session = workspace.requireSession();
            Map<Integer, UserRef> names = userRefs(workspace.cluster());
            return session.keyInfo(handle).map(info -> sharingChanges(handle, info.sharedWith(), users, names));
        }, onError).onSuccess(done));
    }

    private static List<SharingChange> sharingChanges(long handle, List<Integer> current, List<Integer> wanted,
                                                      Map<Integer, UserRef> names) {
        List<SharingChange> changes = new ArrayList<>();
        wanted.stream().filter(u -> !current.contains(u))
                .forEach(u -> changes.add(new SharingChange(handle, ref(names, u), true)));
        current.stream().filter(u -> !wanted.contains(u))
                .forEach(u -> changes.add(new SharingChange(handle, ref(names, u), false)));
        return changes;
    }

    /**
     * Makes the key shared with exactly {@code users}: shares with the new ones and unshares the
     * others, one CMU {@code shareKey} each, stopping at the first refusal (which is reported).
     */
    public TaskHandle setSharing(long handle, List<Integer> users, Consumer<HsmResult<Void>> done) {
        List<ActionRecord> actions = new ArrayList<>();
        return runner.run(BackgroundWork.named("shareKey", p -> {
            HsmSession session = workspace.requireSession();
            HsmResult<KeyInfo> info = session.keyInfo(handle);
            if (!info.isSuccess()) {
                return info.<Void>map(i -> null);
            }
            HsmResult<Void> last = info.map(i -> null);
            for (SharingChange change : sharingChanges(handle, info.value().sharedWith(), users, Map.of())) {
                last = share(session, change, actions);
                if (!last.isSuccess()) {
                    return last;
                }
            }
            return last;
        }, onError).onSuccess(result -> {
            actions.forEach(workspace::record);
            changed();
            done.accept(result);
        }));
    }

    private static HsmResult<Void> share(HsmSession session, SharingChange change, List<ActionRecord> actions) {
        HsmResult<Void> result = session.shareKey(change.handle(), change.user().id(), change.share());
        synchronized (actions) {
            actions.add(ActionRecord.cmu(change.commandLine(),
                    out -> CmuText.confirmedPerServer("shareKey", result, out)));
        }
        return result;
    }

    public TaskHandle delete(long handle, Consumer<HsmResult<Void>> done) {
        return runner.run(BackgroundWork.named("deleteKey", p -> workspace.requireSession().deleteKey(handle), onError)
                .onSuccess(result -> {
                    workspace.record(ActionRecord.kmu("deleteKey -k " + handle, p -> KeyText.deleteKey(p, result)));
                    if (result.isSuccess()) {
                        changed();
                    }
                    done.accept(result);
                }));
    }

    /**
     * Writes what {@code getAttribute -o handle -a 512 -out file} writes. Reports the number of
     * attributes written (17, or 16 for keys without a KCV).
     */
    public TaskHandle saveAttributeFile(long handle, Path file, Consumer<HsmResult<Integer>> done) {
        return runner.run(BackgroundWork.named("getAttribute", p -> {
            HsmResult<KeyAttributes> attributes = workspace.requireSession().attributes(handle);
            KmuPrinter printer = KmuPrinter.capturing();
            if (attributes.isSuccess()) {
                List<AttributeValue> dump = attributes.value().kmuDump();
                OwnerOnly.writeWhole(file, AttributeText.dump(dump).getBytes(StandardCharsets.UTF_8));
                AttributeText.dumpedAll(printer, dump, file.toString());
                printer.result("Cfm3GetAttribute", attributes.code());
            } else {
                printer.resultAndBlock("Cfm3GetAttribute", attributes);
            }
            ActionRecord action = new ActionRecord(ActionRecord.KMU, "getAttribute -o " + handle + " -a "
                    + Attribute.ALL + " -out " + file, printer.printed());
            return new SavedFile(attributes.map(a -> a.kmuDump().size()), action);
        }, onError).onSuccess(saved -> {
            workspace.record(saved.action());
            done.accept(saved.result());
        }));
    }

    private record SavedFile(HsmResult<Integer> result, ActionRecord action) {
    }

    private static Map<Integer, UserRef> userRefs(HsmCluster cluster) {
        return cluster.users().stream().collect(Collectors.toMap(UserInfo::id, u -> new UserRef(u.id(), u.name()),
                (a, b) -> a));
    }

    private static UserRef ref(Map<Integer, UserRef> users, int id) {
        return KeyRows.ref(users, id);
    }
}
