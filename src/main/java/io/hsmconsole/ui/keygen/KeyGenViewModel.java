package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterFacts;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.GenSymKeyField;
import io.hsmconsole.controller.GenSymKeyProblem;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.sharing.SharingViewModel;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
 * The key-generation form: every genSymKey option ({@link SymmetricPart} for type and size), or a key
 * pair's (genRSAKeyPair / genECCKeyPair: the algorithm fields are {@link PairPart}'s), the problems the
 * HSM would refuse (explained per field by {@link ProblemWording}, Generate disabled while there are
 * any), live previews of the KMU command and its CloudHSM CLI equivalent, and the generation itself
 * with -min_srv progress, cancel and result ({@link GenerationStatus}). The rules are the simulator's:
 * every change asks {@code HsmSession.checkGenSymKey} or {@code pairs().checkKeyPair} (in the
 * background) for the reasons it would refuse, and Generate sends the request itself. This class only
 * wires the parts: what was typed read as a request ({@link TypedRequest}), the simulator's answer
 * ({@link SimulatorVerdict}) worded per field, and the run ({@link GenerationRun}). The limits it shows
 * (the m_value range, label and ID lengths, the types a FIPS cluster refuses) are the simulator's too.
 */
public final class KeyGenViewModel {
    private final Messages messages;
    private final ClusterFacts cluster;
    private final SharingViewModel sharing;
    private final ObservableValue<ClusterSnapshot> nodes;
    private final MinSrvAdvice minSrvAdvice;
    private final SymmetricPart symmetric;
    private final PairPart pair;
    private final GenerationStatus status;
    private final ProblemWording wording;
    private final SimulatorVerdict verdict;
    private final GenerationRun run;

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
    private final BooleanBinding canGenerate;
    /** Input typed since the form opened or last ran genSymKey (made or refused): closing would lose it unseen. */
    private boolean typedSinceLastRun;

    /** What Generate sends: a {@link GenSymKeyRequest} or a {@link KeyPairRequest}, once the simulator accepted it. */
    private Object parsed;
    private KeyGenForm shownForm;
    private Map<GenSymKeyField, String> inputProblems = Map.of();

    /**
     * {@code nodes} is the cluster as the simulator last reported it (null until the first reading):
     * the form follows it to say which HSMs are online for {@code -min_srv}.
     */
    public KeyGenViewModel(KeyController keys, Messages messages, SharingViewModel sharing,
                           ObservableValue<ClusterSnapshot> nodes, LongConsumer onGenerated) {
        this.messages = messages;
        this.sharing = sharing;
        this.nodes = nodes;
        this.minSrvAdvice = new MinSrvAdvice(messages);
        this.cluster = keys.clusterFacts();
        this.symmetric = new SymmetricPart(messages, cluster);
        this.pair = new PairPart(messages, cluster.hsmType().fips());
        this.status = new GenerationStatus(messages, minSrvAdvice, nodes);
        this.wording = new ProblemWording(messages, cluster);
        this.verdict = new SimulatorVerdict(keys);
        this.run = new GenerationRun(keys, messages, cluster.nodeCount(), status, onGenerated);
        ReadOnlyBooleanProperty checking = verdict.checkingProperty();
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
        symmetric.typeChanged(now, size, TypedRequest.parseInt(size.get()));
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
        minSrvWarning.set(minSrvAdvice.warning(TypedRequest.parseInt(form.minSrv()), !form.timeout().isEmpty(), cluster.nodeCount(),
                nodes.getValue()).orElse(""));

        TypedRequest typed = TypedRequest.read(k, form, pair, messages, wording);
        inputProblems = typed.inputProblems();
        verdict.askIfChanged(typed.request(), this::publish);
        publish();
    }

    private void publish() {
        Map<GenSymKeyField, String> found = new EnumMap<>(GenSymKeyField.class);
        found.putAll(inputProblems);
        if (!verdict.pending()) {
            for (GenSymKeyProblem p : verdict.problems()) {
                found.putIfAbsent(p.field() != null ? p.field() : GenSymKeyField.TYPE,
                        wording.explain(p, shownForm, kind.get(), pair.wordingArguments()));
            }
        }
        parsed = found.isEmpty() && !verdict.pending() ? verdict.request() : null;
        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
    }

    private KeyGenForm form() {
        return new KeyGenForm(type.get(), size.get(), label.get(), id.get(), nonExtractable.get(), session.get(),
                minSrv.get(), timeout.get(), mValue.get() == null ? 0 : mValue.get(), sharing.checked(), attest.get());
    }

    // ---- generation ----

    /** Sends genSymKey (or the pair's command) to the simulator in the background; does nothing while problems remain. */
    public void generate() {
        if (!canGenerate.get() || parsed == null) {
            return;
        }
        run.start(parsed, commandPreview.get(), this::ranAgain);
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
        run.cancel();
    }

    /**
     * The input ran and its outcome shows: nothing unseen is lost by closing now; the cluster changed: ask again.
     * When a key was kept, its ID is cleared: IDs are unique in the cluster, so the typed ID now names the new
     * key and the form would only flag it as taken (by the key it just made) beside the success. The other
     * fields stay, as a user making a similar key next expects; a refused or rolled-back run keeps the ID too,
     * since no key holds it.
     */
    private void ranAgain(boolean kept) {
        if (kept) {
            id.set("");
        }
        typedSinceLastRun = false;
        verdict.forget(); // an ID may now be taken
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
        return verdict.checkingProperty();
    }
}
