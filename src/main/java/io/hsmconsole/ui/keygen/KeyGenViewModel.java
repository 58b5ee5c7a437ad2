package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterFacts;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.GenSymKeyProblem;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.text.KeyPairText;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KmuPrinter;
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
import javafx.beans.property.ReadOnlyObjectProperty;
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
 * The key-generation form: every genSymKey option ({@link SymmetricPart} for type and size), or a key pair's (genRSAKeyPair / genECCKeyPair:
 * the algorithm fields are {@link PairPart}'s), the problems the HSM would refuse (explained per field
 * by {@link ProblemWording}, Generate disabled while there are any), live previews of the KMU command
 * and its CloudHSM CLI equivalent, and the generation itself with -min_srv progress, cancel and result
 * ({@link GenerationStatus}). The rules are the simulator's: every change asks
 * {@code HsmSession.checkGenSymKey} or {@code pairs().checkKeyPair} (in the background) for the reasons
 * it would refuse, and Generate sends the request itself; this class
 * only parses what was typed and words the answers. The limits it shows (the m_value range, label
 * and ID lengths, the types a FIPS cluster refuses) are the simulator's too.
 */
public final class KeyGenViewModel {
    private final KeyController keys;
    private final Messages messages;
    private final HsmErrors errors;
    private final ClusterFacts cluster;
    private final SharingViewModel sharing;
    private final LongConsumer onGenerated;
    private final ObservableValue<ClusterSnapshot> nodes;
    private final MinSrvAdvice minSrvAdvice;
    private final SymmetricPart symmetric;
    private final PairPart pair;
    private final GenerationStatus status;
    private final ProblemWording wording;

    private final ObjectProperty<FormKind> kind = new SimpleObjectProperty<>(this, "kind", FormKind.SYMMETRIC);
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

    private final ReadOnlyStringWrapper mValueHint = new ReadOnlyStringWrapper(this, "mValueHint");
    private final ReadOnlyStringWrapper minSrvHint = new ReadOnlyStringWrapper(this, "minSrvHint");
    private final ReadOnlyStringWrapper minSrvWarning = new ReadOnlyStringWrapper(this, "minSrvWarning", "");
    private final ObservableMap<GenSymKeyField, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper commandPreview = new ReadOnlyStringWrapper(this, "commandPreview");
    private final ReadOnlyStringWrapper cliPreview = new ReadOnlyStringWrapper(this, "cliPreview");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final BooleanBinding canGenerate;
    /** Input typed since the form opened or last ran genSymKey (made or refused): closing would lose it unseen. */
    private boolean typedSinceLastRun;

    /** What Generate sends: a {@link GenSymKeyRequest} or a {@link KeyPairRequest}, once the simulator accepted it. */
    private Object parsed;
    private KeyGenForm shownForm;
    private Map<GenSymKeyField, String> inputProblems = Map.of();
    private Object checkedRequest;
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
        this.symmetric = new SymmetricPart(messages, cluster);
        this.pair = new PairPart(messages, cluster.hsmType().fips());
        this.status = new GenerationStatus(messages, minSrvAdvice, nodes);
        this.wording = new ProblemWording(messages, cluster);
        sharing.offer(keys.shareCandidates());
        canGenerate = Bindings.createBooleanBinding(() -> problems.isEmpty() && !status.busy.get() && !checking.get(),
                problems, status.busy, checking);
        type.addListener((obs, old, now) -> typeChanged(now));
        List<Observable> inputs = new java.util.ArrayList<>(List.of(kind, type, size, label, id, nonExtractable,
                session, minSrv, timeout, mValue, attest));
        inputs.addAll(pair.inputs());
        for (Observable input : inputs) {
            input.addListener(o -> revalidate());
            // Only a real change is typing: a field re-committing the same text on losing the focus is not.
            ((ObservableValue<?>) input).addListener((obs, old, now) -> typedSinceLastRun = true);
        }
        sharing.checked().addListener((Observable o) -> revalidate());
        nodes.addListener(o -> revalidate());
        sharing.checked().addListener((Observable o) -> typedSinceLastRun = true);
        typeChanged(type.get());
        typedSinceLastRun = false; // the defaults just set are nobody's input
    }

    // ---- type and size ----

    /** Why this type cannot be chosen on this cluster (RC4 and 3DES on a FIPS cluster), or empty. */
    public Optional<String> typeRefusal(KeyType t) {
        return symmetric.typeRefusal(t);
    }

    private void typeChanged(KeyType now) {
        symmetric.typeChanged(now, size, parseInt(size.get()));
        revalidate();
    }

    // ---- validation ----

    /** Recomputes previews and hints, and asks the simulator about what is typed now. */
    void revalidate() {
        KeyGenForm form = form();
        FormKind k = kind.get();
        shownForm = form;
        commandPreview.set(k.isPair() ? pair.kmu(k, form) : GenSymKeyCommands.kmu(form));
        cliPreview.set(k.isPair() ? pair.cloudHsmCli(k, form) : GenSymKeyCommands.cloudHsmCli(form));
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
        if (!k.isPair() && sizeValue == null) {
            found.put(GenSymKeyField.SIZE, wording.withCode(messages.format("keygen.problem.sizeNotNumber",
                    form.type().sizeRule()), ReturnCode.INVALID_KEY_SIZE));
        }
        pair.inputProblems(k).forEach((field, text) -> found.put(field, wording.withCode(text, PairPart.inputCode(field))));
        if (!form.minSrv().isEmpty() && minValue == null) {
            found.put(GenSymKeyField.MIN_SRV, wording.withCode(messages.get("keygen.problem.minSrvNotNumber"),
                    ReturnCode.MIN_SRV_INVALID));
        }
        if (!form.timeout().isEmpty() && timeoutValue == null) {
            found.put(GenSymKeyField.TIMEOUT, wording.withCode(messages.get("keygen.problem.timeoutNotNumber"),
                    ReturnCode.TIMEOUT_INVALID));
        }
        inputProblems = found;
        // Unparsable numbers are replaced by harmless ones so the simulator judges everything else.
        Integer minServers = form.minSrv().isEmpty() ? null : minValue != null ? minValue : 1;
        Integer timeoutSeconds = form.timeout().isEmpty() ? null : timeoutValue != null ? timeoutValue : 0;
        List<Integer> shareWith = form.shareWith().stream().map(u -> u.id()).toList();
        Object request = k.isPair()
                ? pair.request(k, new KeyOptions(form.label(), form.id(), form.nonExtractable(), form.session(), shareWith,
                        form.mValue(), minServers, timeoutSeconds, form.attest()))
                : new GenSymKeyRequest(form.type().code(), sizeValue != null ? sizeValue : SymmetricPart.defaultSize(form.type()),
                        form.label(), form.id(), form.nonExtractable(), form.session(), shareWith, form.mValue(),
                        minServers, timeoutSeconds, form.attest());
        if (!request.equals(checkedRequest)) {
            ask(request);
        }
        publish();
    }

    /** The simulator's verdict on this request; only the newest answer counts (typing is faster). */
    private void ask(Object request) {
        checkedRequest = request;
        long sequence = ++checkSequence;
        checking.set(true);
        java.util.function.Consumer<List<GenSymKeyProblem>> answered = found -> {
            if (sequence == checkSequence) {
                hsmProblems = found;
                checking.set(false);
                publish();
            }
        };
        if (request instanceof KeyPairRequest pairRequest) {
            keys.pairs().check(pairRequest, answered);
        } else {
            keys.checkGenSymKey((GenSymKeyRequest) request, answered);
        }
    }

    private void publish() {
        Map<GenSymKeyField, String> found = new EnumMap<>(inputProblems);
        if (!checking.get()) {
            for (GenSymKeyProblem p : hsmProblems) {
                found.putIfAbsent(p.field() != null ? p.field() : GenSymKeyField.TYPE,
                        wording.explain(p, shownForm, pair.wordingArguments()));
            }
        }
        parsed = found.isEmpty() && !checking.get() ? checkedRequest : null;
        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
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

    /** Sends genSymKey (or the pair's command) to the simulator in the background; does nothing while problems remain. */
    public void generate() {
        if (!canGenerate.get() || parsed == null) {
            return;
        }
        status.started();
        if (parsed instanceof KeyPairRequest request) {
            running = keys.pairs().generate(request, commandPreview.get(), status::waiting, r -> pairFinished(request, r));
        } else {
            GenSymKeyRequest request = (GenSymKeyRequest) parsed;
            running = keys.generate(request, commandPreview.get(), status::waiting, r -> finished(request, r));
        }
    }

    /**
     * Whether the form may close (the window, or the whole console quitting): while genSymKey waits
     * for -min_srv it asks whether to stop waiting (the key is rolled back), and input typed since
     * the last run is only dropped when the user agrees. Stops the wait when the answer is yes.
     */
    public boolean mayClose(DialogService dialogs) {
        if (status.busy.get()) {
            String running = kind.get().isPair() ? "keygen.close.waitingPair" : "keygen.close.waiting";
            if (!dialogs.confirm(messages.get("keygen.close.title"), messages.get(running))) {
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

    private void finished(GenSymKeyRequest requested, HsmResult<GeneratedKey> result) {
        // What genSymKey prints (the wait shows in the progress bar), then what a roll-back means.
        KmuPrinter printed = KmuPrinter.capturing();
        CreatedKeyText.print(printed, "Cfm3GenerateSymmetricKey", CreatedKeyText.GENERATED, result,
                result.value() == null ? null : requested.minServers(), false);
        GeneratedKey made = result.value();
        boolean rolledBack = made != null && made.rolledBack();
        if (made != null && !rolledBack) {
            onGenerated.accept(made.handle()); // kept even when its attestation failed, as KMU keeps it
        }
        status.finished(result, printed.printed(), rolledBack ? messages.format("keygen.result.rolledBack",
                made.handle()) : null, made == null ? "" : messages.format("keygen.result.created", made.handle(),
                GenerationStatus.heldBy(result), cluster.nodeCount()));
        ranAgain();
    }

    private void pairFinished(KeyPairRequest requested, HsmResult<GeneratedPair> result) {
        KmuPrinter printed = KmuPrinter.capturing();
        KeyPairText.generated(printed, result, result.value() == null ? null : requested.options().minServers(), false);
        GeneratedPair made = result.value();
        boolean rolledBack = made != null && made.rolledBack();
        if (made != null && !rolledBack) {
            onGenerated.accept(made.privateHandle()); // the half that signs: its inspector links the public one
        }
        status.finished(result, printed.printed(), rolledBack ? messages.format("keygen.result.pairRolledBack",
                made.publicHandle(), made.privateHandle()) : null, made == null ? ""
                : messages.format("keygen.result.pairCreated", made.publicHandle(), made.privateHandle(),
                GenerationStatus.heldBy(result), cluster.nodeCount()));
        ranAgain();
    }

    /** The input ran and its outcome shows: nothing unseen is lost by closing now; the cluster changed: ask again. */
    private void ranAgain() {
        typedSinceLastRun = false;
        running = TaskHandle.DONE;
        checkedRequest = null; // an ID may now be taken
        revalidate();
    }

    // ---- properties ----

    /** Symmetric key, RSA pair or EC pair. */
    public ObjectProperty<FormKind> kindProperty() {
        return kind;
    }

    /** The key-pair fields (modulus, exponent, curve), shown while {@link #kindProperty()} is a pair. */
    PairPart pair() {
        return pair;
    }

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
        return symmetric.sizeChoices;
    }

    public ReadOnlyStringProperty sizeHintProperty() {
        return symmetric.sizeHint.getReadOnlyProperty();
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
        return status.busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return status.progressText.getReadOnlyProperty();
    }

    /** 0..1, or negative while the amount is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return status.progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultHeadlineProperty() {
        return status.resultHeadline.getReadOnlyProperty();
    }

    /** The result as key_mgmt_util prints it: return line, handle, cluster block. */
    public ReadOnlyStringProperty resultTextProperty() {
        return status.resultText.getReadOnlyProperty();
    }

    /** True/false after a generation, null before. */
    public ReadOnlyObjectProperty<Boolean> resultOkProperty() {
        return status.resultOk.getReadOnlyProperty();
    }

    public int nodeCount() {
        return cluster.nodeCount();
    }

    /** True while the simulator's verdict on the latest input is pending. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
