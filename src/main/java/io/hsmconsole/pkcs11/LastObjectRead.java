package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.key.KeyAttributes;

import java.util.function.LongSupplier;

/**
 * The object an application read last, as the simulator answered, kept for the application's next
 * C_GetAttributeValue on it. Applications read an object one attribute at a time (pkcs11-tool asks 21
 * questions about the key it has just made), and each question was the simulator's whole answer again:
 * the key, its copies, the material, the view built from them.
 *
 * <p>The answer is reused only while nothing can have changed it: for the same login and handle, in
 * consecutive C_GetAttributeValue calls of one connection ({@link #forget} runs before every other call,
 * so nothing this connection does — a session key's attribute, a destroy, a logout — is answered from
 * here), and while the cluster's change counter, moved by every commit of any process, is the value it
 * had before the answer was read. Refusals are not kept. Reads for an application are not audited
 * ({@link ReadPurpose#APPLICATION}), so an answer reused is no audit record lost.
 */
final class LastObjectRead {
    private final LongSupplier changeCounter;
    private HsmSession login;
    private long handle;
    private long readAt;
    private KeyObjectView view;

    LastObjectRead(LongSupplier changeCounter) {
        this.changeCounter = changeCounter;
    }

    /** The object's attributes as the simulator answers {@code login} now; a refusal is thrown as its CK_RV. */
    KeyObjectView view(HsmSession login, long handle) {
        long now = changeCounter.getAsLong();
        if (view != null && this.login == login && this.handle == handle && readAt == now) {
            return view;
        }
        forget();
        // The counter was read before the answer: a commit racing the read moves it, and the next call reads again.
        HsmResult<KeyAttributes> attributes = login.attributes(handle, ReadPurpose.APPLICATION);
        if (!attributes.isSuccess()) {
            throw new Refusal(ReturnValues.of(attributes.code()));
        }
        KeyObjectView read = KeyObjectView.of(attributes.value());
        this.login = login;
        this.handle = handle;
        this.readAt = now;
        this.view = read;
        return read;
    }

    /** The change counter now: read it before a read whose answer is then given to {@link #keep}. */
    long counterNow() {
        return changeCounter.getAsLong();
    }

    /**
     * An answer the connection read itself while carrying out a call — the attributes of a key it has
     * just made, read to check the template's flags, none of which had to change — after the counter
     * was {@code readAt}: the application's next C_GetAttributeValue on the key may use it. (The call
     * it was read in forgot the previous answer before it started, and changed nothing after this read.)
     */
    void keep(HsmSession login, long handle, long readAt, KeyAttributes attributes) {
        this.login = login;
        this.handle = handle;
        this.readAt = readAt;
        this.view = KeyObjectView.of(attributes);
    }

    /** Before any call other than C_GetAttributeValue: the next read asks the simulator again. */
    void forget() {
        login = null;
        view = null;
    }
}
