package io.hsmconsole.ui.trykey;

import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyKind;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.text.KeyUseText;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.quorum.QuorumGate;
import io.hsmconsole.ui.quorum.QuorumRequest;
import io.hsmconsole.ui.quorum.QuorumRetry;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Try the key": AES key wrap / unwrap of some data, HMAC sign / verify, and for half of a key pair
 * RSA / ECDSA sign (with the private key) and verify (with the public key; {@link PairTry}), with the
 * key the inspector shows. A signature comes with the OpenSSL line that checks it ({@link OpenSslCheck}). The result appears in
 * hex, a refusal as a plain sentence that names what to do (set OBJ_ATTR_SIGN, collect approvals;
 * {@link TryOutcome}); the command it equals as key_mgmt_util would take it. The
 * simulator decides every rule: all four operations are offered for every key and the HSM answers.
 */
public final class TryKeyViewModel {
    /** The HMAC mechanisms (sign/verify -m 20..24), the only ones a symmetric key signs with. */
    public static final List<SignMechanism> HMAC_MECHANISMS = PairTry.HMAC_MECHANISMS;

    private final KeyUseController keyUse;
    private final Messages messages;
    private final QuorumGate quorum;
    private final TryOutcome outcome;
    private final OpenSslCheck openssl;
    private final ReadOnlyObjectWrapper<KeyDetails> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<PairFacts> pair = new ReadOnlyObjectWrapper<>(this, "pair");
    private final ObservableList<SignMechanism> mechanisms = FXCollections.observableArrayList(PairTry.HMAC_MECHANISMS);
    private final ObservableList<TryOperation> operations = FXCollections.observableArrayList(TryOperation.values());
    private final ObjectProperty<TryOperation> operation = new SimpleObjectProperty<>(this, "operation", TryOperation.SIGN);
    private final ObjectProperty<SignMechanism> mechanism = new SimpleObjectProperty<>(this, "mechanism",
            SignMechanism.SHA256_HMAC);
    private final ObjectProperty<DataFormat> format = new SimpleObjectProperty<>(this, "format", DataFormat.TEXT);
    private final StringProperty data = new SimpleStringProperty(this, "data", "");
    private final StringProperty iv = new SimpleStringProperty(this, "iv", "");
    private final StringProperty signature = new SimpleStringProperty(this, "signature", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringBinding heading;
    private final StringBinding dataInfo;
    private final StringBinding command;
    private final BooleanBinding canRun;
    private Long lastHandle;
    /** Counts fresh starts (another key, a logout): an answer for an earlier one is not shown. */
    private long generation;

    public TryKeyViewModel(KeyUseController keyUse, Messages messages, QuorumGate quorum, DialogService dialogs) {
        this.keyUse = keyUse;
        this.messages = messages;
        this.quorum = quorum;
        this.openssl = new OpenSslCheck(keyUse, messages, dialogs);
        this.outcome = new TryOutcome(messages);
        heading = Bindings.createStringBinding(() -> key.get() == null ? messages.get("trykey.none")
                : messages.format("trykey.heading", key.get().handle(), typeName(key.get())), key);
        dataInfo = Bindings.createStringBinding(() -> format.get().parse(data.get())
                .map(b -> messages.format("trykey.data.bytes", b.length))
                .orElse(messages.get("trykey.data.notHex")), data, format);
        command = Bindings.createStringBinding(this::commandLine, key, pair, operation, mechanism, iv);
        canRun = Bindings.createBooleanBinding(() -> key.get() != null && !busy.get(), key, busy);
        operation.addListener((obs, old, now) -> clearResult());
    }

    /**
     * Shows this key (null: none). Another key starts over - empty data, no result - with its natural
     * operation; the same key again (the list re-selects it after every change, through a moment of
     * no selection) keeps what was typed and done.
     */
    public void show(KeyDetails details) {
        key.set(details);
        if (details != null && (lastHandle == null || lastHandle != details.handle())) {
            showPair(null); // until the simulator says it is half of a pair
            startOver();
            lastHandle = details.handle();
            operation.set(keyType(details) == KeyType.AES.code() ? TryOperation.WRAP : TryOperation.SIGN);
        }
    }

    /**
     * The shown key is half of a pair ({@code facts} of the key shown; null: a secret key): it signs
     * and verifies with its type's mechanisms. The same pair again (a refresh) keeps what was chosen.
     */
    public void showPair(PairFacts facts) {
        KeyDetails k = key.get();
        PairFacts before = pair.get();
        if (facts != null && (k == null || k.handle() != facts.handle())) {
            return; // an answer about a key no longer shown
        }
        pair.set(facts);
        if ((before == null) != (facts == null) || (before != null && before.handle() != facts.handle())) {
            // The choices first, then the lists, changed in place: a combo box empties its value when the
            // list item it shows is replaced, even by itself.
            mechanism.set(PairTry.defaultMechanism(facts));
            operation.set(facts != null && !facts.isPrivate() ? TryOperation.VERIFY
                    : facts == null ? operation.get() : TryOperation.SIGN);
            PairTry.update(operations, PairTry.operations(facts));
            PairTry.update(mechanisms, PairTry.mechanisms(facts));
        }
    }

    /**
     * The session ended (logout): nothing of it stays for the next user - no key, data, IV,
     * signature or result; an answer still on its way is dropped.
     */
    public void forget() {
        key.set(null);
        showPair(null);
        startOver();
    }

    private void startOver() {
        generation++;
        lastHandle = null;
        busy.set(false);
        data.set("");
        iv.set("");
        signature.set("");
        format.set(DataFormat.TEXT);
        clearResult();
    }

    private void clearResult() {
        outcome.clear();
        openssl.clear();
    }

    /** Runs the chosen operation; input that is not what it says (hex) is refused before the HSM. */
    public void run() {
        KeyDetails k = key.get();
        if (k == null || busy.get()) {
            return;
        }
        Optional<byte[]> input = format.get().parse(data.get());
        if (input.isEmpty()) {
            outcome.invalid("trykey.invalid.data");
            return;
        }
        Optional<byte[]> initialValue = iv.get().isBlank() ? Optional.of(new byte[0]) : DataFormat.parseHex(iv.get());
        if (initialValue.isEmpty()) {
            outcome.invalid("trykey.invalid.iv");
            return;
        }
        Optional<byte[]> expected = DataFormat.parseHex(signature.get());
        if (operation.get() == TryOperation.VERIFY && expected.isEmpty()) {
            outcome.invalid("trykey.invalid.signature");
            return;
        }
        busy.set(true);
        clearResult();
        TryOperation op = operation.get();
        SignMechanism mech = mechanism.get();
        byte[] ivBytes = initialValue.get().length == 0 ? null : initialValue.get();
        long used = op == TryOperation.VERIFY ? PairTry.verifyingKey(pair.get(), k.handle()) : k.handle();
        PairFacts signer = pair.get();
        QuorumRequest request = new QuorumRequest(used, QuorumPurpose.USE,
                messages.format("trykey.quorum.action", outcome.verb(op), used),
                List.of(commandLine()));
        switch (op) {
            case WRAP, UNWRAP -> this.<byte[]>withQuorum(request,
                    done -> keyUse.aesWrapUnwrap(k.handle(), op == TryOperation.WRAP, input.get(), ivBytes, done),
                    r -> outcome.produced(op, k, mech, input.get().length, r));
            case SIGN -> this.<byte[]>withQuorum(request, done -> keyUse.sign(k.handle(), mech, input.get(), done), r -> {
                outcome.produced(op, k, mech, input.get().length, r);
                if (r.isSuccess() && signer != null) {
                    openssl.offer(mech, signer.publicKeyInfo(), input.get(), r.value());
                }
            });
            case VERIFY -> this.<Void>withQuorum(request,
                    done -> keyUse.verify(used, mech, input.get(), expected.get(), done), r -> outcome.verified(used, k, r));
        }
    }

    private <T> void withQuorum(QuorumRequest request, Consumer<Consumer<HsmResult<T>>> call,
                                Consumer<HsmResult<T>> done) {
        long asked = generation;
        QuorumRetry.run(quorum, request, call, r -> {
            if (asked != generation) {
                return; // the key or the user changed meanwhile: this answer is someone else's
            }
            busy.set(false);
            done.accept(r);
        }, () -> {
            if (asked != generation) {
                return;
            }
            busy.set(false);
            outcome.info("trykey.quorum.cancelled");
        });
    }

    /**
     * Does what its button says ("Unwrap it", "Verify it"): takes the last result on to the next step
     * and runs it - a wrapped result is unwrapped, a signature verified over the same data. The form
     * is left showing that step, so the user sees what ran and can run it again.
     */
    public void followUp() {
        TryOperation next = outcome.follow.get();
        byte[] out = outcome.lastOutput();
        if (next == null || out == null || busy.get()) {
            return;
        }
        operation.set(next);
        if (next == TryOperation.UNWRAP) {
            format.set(DataFormat.HEX);
            data.set(HexFormat.of().formatHex(out));
        } else {
            signature.set(HexFormat.of().formatHex(out));
        }
        run();
    }

    private String commandLine() {
        KeyDetails k = key.get();
        if (k == null) {
            return "";
        }
        return switch (operation.get()) {
            case WRAP, UNWRAP -> KeyUseText.aesWrapUnwrapCommand(k.handle(), operation.get() == TryOperation.WRAP,
                    iv.get().isBlank() ? null : DataFormat.parseHex(iv.get()).orElse(null));
            case SIGN -> KeyUseText.signCommand(k.handle(), mechanism.get());
            case VERIFY -> KeyUseText.verifyCommand(PairTry.verifyingKey(pair.get(), k.handle()), mechanism.get());
        };
    }

    /** {@code HMAC-SHA-256 (-m 22)}, {@code ECDSA SHA-256 (-m 17)}. */
    public static String mechanismName(SignMechanism m) {
        return PairTry.name(m);
    }

    /** The operation's name; a pair's sign and verify say which half does it. */
    public String operationName(TryOperation op) {
        String pairKey = op.messageKey() + ".pair";
        return pair.get() != null && messages.getOr(pairKey, null) != null ? messages.get(pairKey) : messages.get(op.messageKey());
    }

    private static long keyType(KeyDetails d) {
        return d.attributes().stream().filter(a -> a.attribute() == Attribute.KEY_TYPE).findFirst()
                .map(a -> a.value().number()).orElse(-1L);
    }

    private static String typeName(KeyDetails d) {
        long keyClass = d.attributes().stream().filter(a -> a.attribute() == Attribute.CLASS).findFirst()
                .map(a -> a.value().number()).orElse(-1L);
        return KeyKind.typeName((int) keyClass, (int) keyType(d));
    }

    /** The operations the shown key is offered (sign and verify for half of a pair). */
    public ObservableList<TryOperation> operations() {
        return operations;
    }

    /** The mechanisms the shown key is offered: HMAC for a secret key, its type's for a pair. */
    public ObservableList<SignMechanism> mechanisms() {
        return mechanisms;
    }

    /** The shown key's pair facts; null for a secret key. */
    public ReadOnlyObjectProperty<PairFacts> pairProperty() {
        return pair.getReadOnlyProperty();
    }

    /** The OpenSSL line that checks the last signature outside the console, and its files. */
    public OpenSslCheck openssl() {
        return openssl;
    }

    public ReadOnlyObjectProperty<KeyDetails> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ObjectProperty<TryOperation> operationProperty() {
        return operation;
    }

    public ObjectProperty<SignMechanism> mechanismProperty() {
        return mechanism;
    }

    public ObjectProperty<DataFormat> formatProperty() {
        return format;
    }

    public StringProperty dataProperty() {
        return data;
    }

    public StringProperty ivProperty() {
        return iv;
    }

    public StringProperty signatureProperty() {
        return signature;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What happened: the result in words, or the refusal with its return code. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return outcome.notice.getReadOnlyProperty();
    }

    /** The result bytes in hex, eight a line as aesWrapUnwrap prints them. */
    public ReadOnlyStringProperty resultProperty() {
        return outcome.result.getReadOnlyProperty();
    }

    /** The operation the last result leads on to (Unwrap after Wrap, Verify after Sign), or null. */
    public ReadOnlyObjectProperty<TryOperation> followProperty() {
        return outcome.follow.getReadOnlyProperty();
    }

    public StringBinding headingProperty() {
        return heading;
    }

    /** {@code 23 bytes}, or that the hex is not hex. */
    public StringBinding dataInfoProperty() {
        return dataInfo;
    }

    /** The key_mgmt_util command the operation equals. */
    public StringBinding commandProperty() {
        return command;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }
}
