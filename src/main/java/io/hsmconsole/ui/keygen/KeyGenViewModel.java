package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterFacts;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.GenSymKeyProblem;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.SyncProgress;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KmuPrinter;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.sharing.SharingViewModel;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The key-generation form: every genSymKey option, the problems the HSM would refuse (explained
 * per field, Generate disabled while there are any), live previews of the KMU command and its
 * CloudHSM CLI equivalent, and the generation itself with -min_srv progress, cancel and result.
 * The rules are the simulator's: every change asks {@code HsmSession.checkGenSymKey} (in the
 * background) for the reasons it would refuse, and Generate sends the request itself; this class
 * only parses what was typed and words the answers. The limits it shows (the m_value range, label
 * and ID lengths, the types a FIPS cluster refuses) are the simulator's too.
 */
public final class KeyGenViewModel {
    /** Sizes offered for the types that allow a range (free entry stays possible). */
    private static final Map<KeyType, List<Integer>> SUGGESTED_SIZES = Map.of(
            KeyType.GENERIC_SECRET, List.of(16, 32, 64, 128, 256, 512, 2048),
            KeyType.RC4, List.of(16, 32, 128, 256));
    private static final Map<KeyType, Integer> DEFAULT_SIZE = Map.of(KeyType.AES, 32, KeyType.DES3, 24,
            KeyType.GENERIC_SECRET, 32, KeyType.RC4, 16);

    private final KeyController keys;
    private final Messages messages;
    private final HsmErrors errors;
    private final ClusterFacts cluster;
    private final SharingViewModel sharing;
    private final LongConsumer onGenerated;
    private final ObservableValue<ClusterSnapshot> nodes;
    private final MinSrvAdvice minSrvAdvice;

    private final ObjectProperty<KeyType> type = new SimpleObjectProperty<>(this, "type", KeyType.AES);
    private final StringProperty size = new SimpleStringProperty(this, "size", "32");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final BooleanProperty nonExtractable = new SimpleBooleanProperty(this, "nonExtractable");
    private final BooleanProperty session = new SimpleBooleanProperty(this, "session");
    private final StringProperty minSrv = new SimpleStringProperty(this, "minSrv", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "");
    private final ObjectProperty<Integer> mValue = new SimpleObjectProperty<>(this, "mValue", 0);
    private final BooleanProperty attest = new SimpleBooleanProperty(this, "attest");

    private final ObservableList<String> sizeChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sizeHint = new ReadOnlyStringWrapper(this, "sizeHint");
    private final ReadOnlyStringWrapper mValueHint = new ReadOnlyStringWrapper(this, "mValueHint");
    private final ReadOnlyStringWrapper minSrvHint = new ReadOnlyStringWrapper(this, "minSrvHint");
    private final ReadOnlyStringWrapper minSrvWarning = new ReadOnlyStringWrapper(this, "minSrvWarning", "");
    private final ObservableMap<GenSymKeyField, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper commandPreview = new ReadOnlyStringWrapper(this, "commandPreview");
    private final ReadOnlyStringWrapper cliPreview = new ReadOnlyStringWrapper(this, "cliPreview");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper resultHeadline = new ReadOnlyStringWrapper(this, "resultHeadline", "");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    private final ReadOnlyObjectWrapper<Boolean> resultOk = new ReadOnlyObjectWrapper<>(this, "resultOk");
    private final BooleanBinding canGenerate;
    /** Input typed since the form opened or last ran genSymKey (made or refused): closing would lose it unseen. */
    private boolean typedSinceLastRun;

    private GenSymKeyRequest parsed;
    private KeyGenForm shownForm;
    private Map<GenSymKeyField, String> inputProblems = Map.of();
    private GenSymKeyRequest checkedRequest;
    private List<GenSymKeyProblem> hsmProblems = List.of();
    private long checkSequence;
    private TaskHandle running = TaskHandle.DONE;

    /**
     * {@code nodes} is the cluster as the simulator last reported it (null until the first reading):
     * the form follows it to say which HSMs are online for {@code -min_srv}.
     */
    public KeyGenViewModel(KeyController keys, Messages messages, SharingViewModel sharing,
                           ObservableValue<ClusterSnapshot> nodes, LongConsumer onGenerated) {
        this.keys = keys;
        this.messages = messages;
        this.errors = new HsmErrors(messages);
        this.sharing = sharing;
        this.onGenerated = onGenerated;
        this.nodes = nodes;
        this.minSrvAdvice = new MinSrvAdvice(messages);
        this.cluster = keys.clusterFacts();
        sharing.offer(keys.shareCandidates());
        canGenerate = Bindings.createBooleanBinding(() -> problems.isEmpty() && !busy.get() && !checking.get(),
                problems, busy, checking);
        type.addListener((obs, old, now) -> typeChanged(now));
        for (Observable input : List.of(type, size, label, id, nonExtractable, session, minSrv, timeout, mValue,
                attest, sharing.checked(), nodes)) {
            input.addListener(o -> revalidate());
        }
        // Only a real change is typing: a field re-committing the same text on losing the focus is not.
        for (javafx.beans.value.ObservableValue<?> input : List.of(type, size, label, id, nonExtractable, session,
                minSrv, timeout, mValue, attest)) {
            input.addListener((obs, old, now) -> typedSinceLastRun = true);
        }
        sharing.checked().addListener((Observable o) -> typedSinceLastRun = true);
        typeChanged(type.get());
        typedSinceLastRun = false; // the defaults just set are nobody's input
    }

    // ---- type and size ----

    /** Why this type cannot be chosen on this cluster (RC4 and 3DES on a FIPS cluster), or empty. */
    public Optional<String> typeRefusal(KeyType t) {
        return cluster.typeRefusal(t).map(code -> messages.format("keygen.type.refusedInFips", t.displayName(),
                KmuText.code(code)));
    }

    private void typeChanged(KeyType now) {
        List<Integer> offered = now.fixedSizes().isEmpty() ? SUGGESTED_SIZES.get(now) : now.fixedSizes();
        sizeChoices.setAll(offered.stream().map(String::valueOf).toList());
        sizeHint.set(messages.format("keygen.size.hint", now.displayName(), now.sizeRule()));
        Integer current = parseInt(size.get());
        if (current == null || !now.isValidSize(current)) {
            size.set(String.valueOf(DEFAULT_SIZE.get(now)));
        }
        revalidate();
    }

    // ---- validation ----

    /** Recomputes previews and hints, and asks the simulator about what is typed now. */
    void revalidate() {
        KeyGenForm form = form();
        shownForm = form;
        commandPreview.set(GenSymKeyCommands.kmu(form));
        cliPreview.set(GenSymKeyCommands.cloudHsmCli(form));
        mValueHint.set(messages.format("keygen.mValue.hint", MValue.maxFor(form.shareWith().size()),
                form.shareWith().size()));
        minSrvHint.set(minSrvAdvice.hint(cluster.nodeCount(), nodes.getValue()));
        minSrvWarning.set(minSrvAdvice.warning(parseInt(form.minSrv()), !form.timeout().isEmpty(), cluster.nodeCount(),
                nodes.getValue()).orElse(""));

        Map<GenSymKeyField, String> found = new EnumMap<>(GenSymKeyField.class);
        Integer sizeValue = parseInt(form.size());
        Integer minValue = parseInt(form.minSrv());
        Integer timeoutValue = parseInt(form.timeout());
        // A value that is not a number is an invalid value of its option: the code the HSM gives those.
        if (sizeValue == null) {
            found.put(GenSymKeyField.SIZE, withCode(messages.format("keygen.problem.sizeNotNumber",
                    form.type().sizeRule()), ReturnCode.INVALID_KEY_SIZE));
        }
        if (!form.minSrv().isEmpty() && minValue == null) {
            found.put(GenSymKeyField.MIN_SRV, withCode(messages.get("keygen.problem.minSrvNotNumber"),
                    ReturnCode.MIN_SRV_INVALID));
        }
        if (!form.timeout().isEmpty() && timeoutValue == null) {
            found.put(GenSymKeyField.TIMEOUT, withCode(messages.get("keygen.problem.timeoutNotNumber"),
                    ReturnCode.TIMEOUT_INVALID));
        }
        inputProblems = found;
        // Unparsable numbers are replaced by harmless ones so the simulator judges everything else.
        GenSymKeyRequest request = new GenSymKeyRequest(form.type().code(),
                sizeValue != null ? sizeValue : DEFAULT_SIZE.get(form.type()), form.label(), form.id(),
                form.nonExtractable(), form.session(), form.shareWith().stream().map(u -> u.id()).toList(),
                form.mValue(), form.minSrv().isEmpty() ? null : minValue != null ? minValue : 1,
                form.timeout().isEmpty() ? null : timeoutValue != null ? timeoutValue : 0, form.attest());
        if (!request.equals(checkedRequest)) {
            ask(request);
        }
        publish();
    }

    /** The simulator's verdict on this request; only the newest answer counts (typing is faster). */
    private void ask(GenSymKeyRequest request) {
        checkedRequest = request;
        long sequence = ++checkSequence;
        checking.set(true);
        keys.checkGenSymKey(request, found -> {
            if (sequence == checkSequence) {
                hsmProblems = found;
                checking.set(false);
                publish();
            }
        });
    }

    private void publish() {
        Map<GenSymKeyField, String> found = new EnumMap<>(inputProblems);
        if (!checking.get()) {
            for (GenSymKeyProblem p : hsmProblems) {
                found.putIfAbsent(p.field() != null ? p.field() : GenSymKeyField.TYPE, explain(p, shownForm));
            }
        }
        parsed = found.isEmpty() && !checking.get() ? checkedRequest : null;
        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
    }

    private String explain(GenSymKeyProblem p, KeyGenForm f) {
        Object[] args = {f.type().displayName(), f.type().sizeRule(), f.size(), MValue.maxFor(f.shareWith().size()),
                f.shareWith().size(), cluster.nodeCount(), f.mValue(), shortened(f.label()), f.id(), MValue.MAX,
                KeyNaming.MAX_LABEL, KeyNaming.MAX_ID, f.label().length()};
        String general = "keygen.problem." + p.code().name();
        // An empty label is missing; a typed one is wrong: say which, and show what was typed.
        String specific = p.code() == ReturnCode.INVALID_LABEL && !f.label().isEmpty() ? general + ".typed"
                : general + "." + p.field().name();
        String key = messages.getOr(specific, null) != null ? specific : messages.getOr(general, null) != null
                ? general : null;
        return withCode(key != null ? messages.format(key, args) : errors.sentence(p.code()), p.code());
    }

    /** A typed value to quote in a sentence: long ones cut to their start (the field shows it all). */
    private static String shortened(String typed) {
        return typed.length() <= 24 ? typed : typed.substring(0, 20) + "\u2026";
    }

    private String withCode(String text, ReturnCode code) {
        return messages.format("keygen.problem.withCode", text, KmuText.code(code));
    }

    private KeyGenForm form() {
        return new KeyGenForm(type.get(), size.get(), label.get(), id.get(), nonExtractable.get(), session.get(),
                minSrv.get(), timeout.get(), mValue.get() == null ? 0 : mValue.get(), sharing.checked(), attest.get());
    }

    private static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- generation ----

    /** Sends genSymKey to the simulator in the background; does nothing while problems remain. */
    public void generate() {
        if (!canGenerate.get() || parsed == null) {
            return;
        }
        GenSymKeyRequest request = parsed;
        busy.set(true);
        resultOk.set(null);
        resultHeadline.set("");
        resultText.set("");
        progress.set(-1);
        progressText.set(messages.get("keygen.progress.generating"));
        running = keys.generate(request, commandPreview.get(), this::waiting, r -> finished(request, r));
    }

    /**
     * Whether the form may close (the window, or the whole console quitting): while genSymKey waits
     * for -min_srv it asks whether to stop waiting (the key is rolled back), and input typed since
     * the last run is only dropped when the user agrees. Stops the wait when the answer is yes.
     */
    public boolean mayClose(DialogService dialogs) {
        if (busy.get()) {
            if (!dialogs.confirm(messages.get("keygen.close.title"), messages.get("keygen.close.waiting"))) {
                return false;
            }
            cancel();
            return true;
        }
        return !typedSinceLastRun || dialogs.confirm(messages.get("keygen.close.title"),
                messages.get("keygen.close.typed"));
    }

    /** Gives up waiting for -min_srv: the simulator rolls the key back and says so. */
    public void cancel() {
        running.cancel();
    }

    private void waiting(SyncProgress p) {
        progress.set(p.fraction());
        progressText.set(p.nodesWithout().isEmpty()
                ? messages.format("keygen.progress.waiting", p.handle(), p.nodesHolding(), p.nodesRequired(),
                        p.elapsedMillis() / 1000.0)
                : messages.format("keygen.progress.waitingFor", p.handle(), p.nodesHolding(), p.nodesRequired(),
                        p.elapsedMillis() / 1000.0, minSrvAdvice.missing(p.nodesWithout(), nodes.getValue())));
    }

    private void finished(GenSymKeyRequest requested, HsmResult<GeneratedKey> result) {
        busy.set(false);
        typedSinceLastRun = false; // the input ran and its outcome shows: nothing unseen is lost by closing now
        running = TaskHandle.DONE;
        progress.set(result.isSuccess() ? 1 : 0);
        progressText.set("");
        // What genSymKey prints (the wait shows in the progress bar), then what a roll-back means.
        KmuPrinter printed = KmuPrinter.capturing();
        CreatedKeyText.print(printed, "Cfm3GenerateSymmetricKey", CreatedKeyText.GENERATED, result,
                result.value() == null ? null : requested.minServers(), false);
        String text = KmuText.unindented(printed.printed());
        resultText.set(result.value() != null && result.value().rolledBack()
                ? text + "\n\n" + messages.format("keygen.result.rolledBack", result.value().handle()) : text);
        resultOk.set(result.isSuccess());
        GeneratedKey made = result.value();
        if (made != null && !made.rolledBack()) {
            onGenerated.accept(made.handle()); // kept even when its attestation failed, as KMU keeps it
        }
        if (result.isSuccess()) {
            long holding = result.nodes().stream().filter(n -> n.code().isSuccess()).count();
            resultHeadline.set(messages.format("keygen.result.created", made.handle(), holding, cluster.nodeCount()));
        } else {
            resultHeadline.set(messages.format("keygen.result.refused", errors.sentence(result.code()),
                    KmuText.code(result.code())));
        }
        checkedRequest = null; // the cluster changed (an ID may now be taken): ask again
        revalidate();
    }

    // ---- properties ----

    public ObjectProperty<KeyType> typeProperty() {
        return type;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty idProperty() {
        return id;
    }

    public BooleanProperty nonExtractableProperty() {
        return nonExtractable;
    }

    public BooleanProperty sessionProperty() {
        return session;
    }

    public StringProperty minSrvProperty() {
        return minSrv;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public ObjectProperty<Integer> mValueProperty() {
        return mValue;
    }

    public BooleanProperty attestProperty() {
        return attest;
    }

    public SharingViewModel sharing() {
        return sharing;
    }

    public ObservableList<String> sizeChoices() {
        return sizeChoices;
    }

    public ReadOnlyStringProperty sizeHintProperty() {
        return sizeHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mValueHintProperty() {
        return mValueHint.getReadOnlyProperty();
    }

    /** How many HSMs -min_srv can ask for, and which are offline now. */
    public ReadOnlyStringProperty minSrvHintProperty() {
        return minSrvHint.getReadOnlyProperty();
    }

    /**
     * Empty, or why this -min_srv will make genSymKey wait (more HSMs asked for than are online). A
     * warning, not a problem: the HSM accepts it, and Generate stays enabled.
     */
    public ReadOnlyStringProperty minSrvWarningProperty() {
        return minSrvWarning.getReadOnlyProperty();
    }

    /** The problem per field, worded for the user with the HSM code; empty when the HSM would accept. */
    public ObservableMap<GenSymKeyField, String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty commandPreviewProperty() {
        return commandPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cliPreviewProperty() {
        return cliPreview.getReadOnlyProperty();
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** 0..1, or negative while the amount is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultHeadlineProperty() {
        return resultHeadline.getReadOnlyProperty();
    }

    /** The result as key_mgmt_util prints it: return line, handle, cluster block. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** True/false after a generation, null before. */
    public ReadOnlyObjectProperty<Boolean> resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }

    public int nodeCount() {
        return cluster.nodeCount();
    }

    /** True while the simulator's verdict on the latest input is pending. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
