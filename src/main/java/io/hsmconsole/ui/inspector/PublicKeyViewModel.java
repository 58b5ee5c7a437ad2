package io.hsmconsole.ui.inspector;

import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.KeyPairController;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.text.PublicKeyText;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The inspector's view of a key pair half: what it is (RSA modulus bits or EC curve), the pair's public
 * key as PEM and its SHA-256 fingerprint (both for copying), and the other half, which one click
 * selects in the key list. The simulator says which keys belong together ({@code pairs().facts}).
 */
public final class PublicKeyViewModel {
    private final KeyPairController pairs;
    private final Messages messages;
    private final HsmErrors errors;
    private final LongConsumer selectKey;
    private final ReadOnlyObjectWrapper<PairFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final ReadOnlyBooleanWrapper isPair = new ReadOnlyBooleanWrapper(this, "isPair");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper pem = new ReadOnlyStringWrapper(this, "pem", "");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper otherHalf = new ReadOnlyStringWrapper(this, "otherHalf", "");
    private final ReadOnlyObjectWrapper<Long> otherHalfHandle = new ReadOnlyObjectWrapper<>(this, "otherHalfHandle");
    private Long shown;

    /** {@code selectKey} selects a key in the key list (the inspector then shows it). */
    public PublicKeyViewModel(KeyPairController pairs, Messages messages, LongConsumer selectKey) {
        this.pairs = pairs;
        this.messages = messages;
        this.errors = new HsmErrors(messages);
        this.selectKey = selectKey;
        clear();
    }

    /** Shows the pair facts of this key when it is half of a pair; clears for a secret key or none. */
    public void show(KeyDetails details) {
        shown = details == null ? null : details.handle();
        if (details == null || !isPairHalf(details)) {
            clear();
            return;
        }
        long wanted = details.handle();
        pairs.facts(wanted, result -> {
            if (shown != null && shown == wanted) {
                shown(result);
            }
        });
    }

    private void shown(HsmResult<PairFacts> result) {
        if (!result.isSuccess()) {
            clear();
            summary.set(messages.format("pair.unreadable", errors.sentence(result.code())));
            return;
        }
        PairFacts f = result.value();
        String half = messages.get(f.isPrivate() ? "pair.half.private" : "pair.half.public");
        summary.set(f.type() == AsymmetricKeyType.RSA
                ? messages.format("pair.summary.rsa", half, f.modulusBits())
                : messages.format("pair.summary.ec", half, f.curve().curveName(), f.curve().id(), f.modulusBits()));
        pem.set(PublicKeyText.publicPem(f.publicKeyInfo()));
        fingerprint.set(PublicKeyText.fingerprint(f.publicKeyInfo()));
        String otherKind = messages.get(f.isPrivate() ? "pair.half.public" : "pair.half.private");
        otherHalfHandle.set(f.otherHalves().isEmpty() ? null : f.otherHalves().get(0));
        otherHalf.set(f.otherHalves().isEmpty()
                ? messages.get(f.isPrivate() ? "pair.other.noPublic" : "pair.other.noPrivate")
                : messages.format("pair.other", otherKind, f.otherHalves().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")), f.otherHalves().size()));
        isPair.set(true);
        facts.set(f);
    }

    /** The session ended: nothing of the last user's key stays. */
    public void forget() {
        shown = null;
        clear();
    }

    private void clear() {
        facts.set(null);
        isPair.set(false);
        summary.set(messages.get("pair.none"));
        pem.set("");
        fingerprint.set("");
        otherHalf.set("");
        otherHalfHandle.set(null);
    }

    /** Selects the other half in the key list (the first, when the same public key is there more than once). */
    public void goToOtherHalf() {
        Long other = otherHalfHandle.get();
        if (other != null) {
            selectKey.accept(other);
        }
    }

    private static boolean isPairHalf(KeyDetails d) {
        return d.attributes().stream().filter(a -> a.attribute() == Attribute.CLASS).findFirst()
                .map(a -> AsymmetricKeyType.isPairClass((int) a.value().number())).orElse(false);
    }

    /** The simulator's facts of the shown half; null for a secret key or none. */
    public ReadOnlyObjectProperty<PairFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isPairProperty() {
        return isPair.getReadOnlyProperty();
    }

    /** {@code RSA private key, 2048-bit modulus} or {@code EC public key on secp384r1 (id 14, 384 bits)}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The pair's public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as exportPubKey writes it. */
    public ReadOnlyStringProperty pemProperty() {
        return pem.getReadOnlyProperty();
    }

    /** SHA-256 of the DER public key, lower-case hex. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** {@code Public key 6}, or why there is none to show. */
    public ReadOnlyStringProperty otherHalfProperty() {
        return otherHalf.getReadOnlyProperty();
    }

    /** The handle {@link #goToOtherHalf()} selects; null when the other half is not there for this user. */
    public ReadOnlyObjectProperty<Long> otherHalfHandleProperty() {
        return otherHalfHandle.getReadOnlyProperty();
    }

    /** How to get the same fingerprint with OpenSSL from a saved PEM. */
    public String fingerprintCommand() {
        return PublicKeyText.FINGERPRINT_COMMAND;
    }
}
