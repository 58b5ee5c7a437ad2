package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application's conversation with the cluster: decodes each request, asks the simulator, encodes
 * the answer. {@link #answer} never throws: a malformed request gets CKR_DEVICE_ERROR (what p11-kit's
 * own server answers), a refused call its CK_RV, and an unexpected failure CKR_GENERAL_ERROR, so one
 * bad message costs at most its own call. Used by one thread at a time (one per connection).
 */
public final class Pkcs11Connection {
    /** CloudHSM's slot: SDK 5 numbers its one-cluster slot 0x2000000000000001. */
    static final long SLOT_ID = 0x2000000000000001L;
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Connection.class);
    private static final String HANDSHAKE = "PRIVATE-GNOME-KEYRING-PKCS11-PROTOCOL-V-1";

    private final HsmCluster cluster;
    private final Sessions sessions;
    private final ObjectCalls objects;
    private final PairCalls pairs;
    private final WrapCalls wrapping;
    private final SignCalls signing;
    private final CryptCalls crypt;
    private final DeriveCalls deriving;
    private final LastObjectRead lastRead;
    private boolean initialized;

    public Pkcs11Connection(HsmCluster cluster) {
        this(cluster, KeyAvailabilityCheck.ENABLED);
    }

    public Pkcs11Connection(HsmCluster cluster, KeyAvailabilityCheck availability) {
        this.cluster = cluster;
        this.sessions = new Sessions(availability);
        this.lastRead = new LastObjectRead(cluster::changeCounter);
        this.objects = new ObjectCalls(sessions, lastRead);
        this.pairs = new PairCalls(sessions);
        this.wrapping = new WrapCalls(sessions, objects);
        this.signing = new SignCalls(sessions);
        this.crypt = new CryptCalls(sessions, cluster.hsmType().fips());
        this.deriving = new DeriveCalls(sessions, objects);
    }

    /**
     * The calls that use keys and make, change or wait for nothing: each looks once at other processes' key
     * changes, not at each of its reads ({@link HsmCluster#asOneRequest}; a token key's C_Sign read the key
     * twice and its copies once, C_SignInit the key once and its copies twice). A call that creates a key
     * may wait for its copies, which another process can change meanwhile (a node brought back): it reads
     * as before.
     */
    private static final Set<RpcCall> USE_KEYS = EnumSet.of(RpcCall.C_SignInit, RpcCall.C_Sign, RpcCall.C_SignUpdate,
            RpcCall.C_SignFinal, RpcCall.C_VerifyInit, RpcCall.C_Verify, RpcCall.C_VerifyUpdate, RpcCall.C_VerifyFinal,
            RpcCall.C_EncryptInit, RpcCall.C_Encrypt, RpcCall.C_EncryptUpdate, RpcCall.C_EncryptFinal,
            RpcCall.C_DecryptInit, RpcCall.C_Decrypt, RpcCall.C_DecryptUpdate, RpcCall.C_DecryptFinal,
            RpcCall.C_GetAttributeValue);

    /** The response body for one request body. */
    public byte[] answer(byte[] request) {
        RpcReader in = new RpcReader(request);
        RpcCall call;
        try {
            call = in.call();
        } catch (MalformedMessage e) {
            return RpcWriter.error(Ck.CKR_DEVICE_ERROR);
        }
        return USE_KEYS.contains(call) ? cluster.asOneRequest(() -> answered(call, in)) : answered(call, in);
    }

    private byte[] answered(RpcCall call, RpcReader in) {
        try {
            return dispatch(call, in).toBytes();
        } catch (MalformedMessage e) {
            return RpcWriter.error(Ck.CKR_DEVICE_ERROR);
        } catch (Refusal r) {
            return RpcWriter.error(r.rv());
        } catch (RuntimeException e) {
            LOG.warn("PKCS#11 call failed", e);
            return RpcWriter.error(Ck.CKR_GENERAL_ERROR);
        }
    }

    /** The application went away: its sessions end, its session keys vanish, its login ends. */
    public void close() {
        lastRead.forget();
        finish();
    }

    private RpcWriter dispatch(RpcCall call, RpcReader in) throws MalformedMessage {
        if (call != RpcCall.C_GetAttributeValue) {
            lastRead.forget();
        }
        if (call == RpcCall.C_Initialize) {
            return initialize(in);
        }
        if (!initialized) {
            throw new Refusal(Ck.CKR_CRYPTOKI_NOT_INITIALIZED);
        }
        return switch (call) {
            case C_Finalize -> finalizeCall(in);
            case C_GetInfo -> info(in);
            case C_GetSlotList -> slotList(in);
            case C_GetSlotInfo -> slotInfo(in);
            case C_GetTokenInfo -> tokenInfo(in);
            case C_GetMechanismList -> mechanismList(in);
            case C_GetMechanismInfo -> mechanismInfo(in);
            case C_OpenSession -> openSession(in);
            case C_CloseSession -> closeSession(in);
            case C_CloseAllSessions -> closeAllSessions(in);
            case C_GetSessionInfo -> sessionInfo(in);
            case C_Login -> login(in);
            case C_Logout -> logout(in);
            case C_FindObjectsInit -> objects.findInit(in);
            case C_FindObjects -> objects.find(in);
            case C_FindObjectsFinal -> objects.findFinal(in);
            case C_GetAttributeValue -> objects.getAttributes(in);
            case C_SetAttributeValue -> objects.setAttributes(in);
            case C_GenerateKey -> objects.generateKey(in);
            case C_GenerateKeyPair -> pairs.generateKeyPair(in);
            case C_DestroyObject -> objects.destroy(in);
            case C_WrapKey -> wrapping.wrap(in);
            case C_UnwrapKey -> wrapping.unwrap(in);
            case C_DeriveKey -> deriving.derive(in);
            case C_SignInit -> signing.init(in, Operation.Kind.SIGN);
            case C_VerifyInit -> signing.init(in, Operation.Kind.VERIFY);
            case C_Sign -> signing.sign(in);
            case C_SignUpdate, C_VerifyUpdate -> signing.update(in, call == RpcCall.C_SignUpdate);
            case C_SignFinal -> signing.signFinal(in);
            case C_Verify -> signing.verify(in);
            case C_VerifyFinal -> signing.verifyFinal(in);
            case C_EncryptInit, C_DecryptInit -> crypt.cipherInit(in, call == RpcCall.C_EncryptInit);
            case C_DigestInit -> crypt.digestInit(in);
            case C_Encrypt, C_Decrypt, C_Digest -> crypt.single(in, call);
            case C_EncryptUpdate, C_DecryptUpdate, C_DigestUpdate -> crypt.update(in, call);
            case C_EncryptFinal, C_DecryptFinal, C_DigestFinal -> crypt.last(in, call);
            case C_GenerateRandom -> crypt.random(in);
            default -> throw new Refusal(Ck.CKR_FUNCTION_NOT_SUPPORTED);
        };
    }

    private RpcWriter initialize(RpcReader in) throws MalformedMessage {
        byte[] handshake = in.optionalByteArray();
        in.byteValue();
        in.optionalByteArray();
        in.end();
        if (handshake == null || !Arrays.equals(handshake, HANDSHAKE.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refusal(Ck.CKR_GENERAL_ERROR);
        }
        if (initialized) {
            throw new Refusal(Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED);
        }
        initialized = true;
        return RpcWriter.response(RpcCall.C_Initialize);
    }

    private RpcWriter finalizeCall(RpcReader in) throws MalformedMessage {
        in.end();
        finish();
        return RpcWriter.response(RpcCall.C_Finalize);
    }

    private void finish() {
        for (Sessions.Session s : sessions.removeAll()) {
            objects.forgetSessionObjects(s);
        }
        sessions.takeLogin().ifPresent(HsmSession::logout);
        initialized = false;
    }

    private RpcWriter info(RpcReader in) throws MalformedMessage {
        in.end();
        return RpcWriter.response(RpcCall.C_GetInfo).version(2, 40).spaceString("HSM Key Console", 32).ulong(0)
                .spaceString("CloudHSM simulator (p11-kit RPC)", 32).version(5, 0);
    }

    private RpcWriter slotList(RpcReader in) throws MalformedMessage {
        in.byteValue();
        long room = in.bufferSize();
        in.end();
        RpcWriter out = RpcWriter.response(RpcCall.C_GetSlotList);
        return room == 0 ? out.ulongArrayLength(1) : out.ulongArray(List.of(SLOT_ID));
    }

    static void requireSlot(long slot) {
        if (slot != SLOT_ID) {
            throw new Refusal(Ck.CKR_SLOT_ID_INVALID);
        }
    }

    private RpcWriter slotInfo(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        in.end();
        return RpcWriter.response(RpcCall.C_GetSlotInfo).spaceString("Cluster " + cluster.name(), 64)
                .spaceString("HSM Key Console", 32).ulong(Ck.CKF_TOKEN_PRESENT | Ck.CKF_HW_SLOT).version(5, 0)
                .version(5, 0);
    }

    private RpcWriter tokenInfo(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        in.end();
        long flags = Ck.CKF_RNG | Ck.CKF_LOGIN_REQUIRED | Ck.CKF_USER_PIN_INITIALIZED | Ck.CKF_TOKEN_INITIALIZED;
        RpcWriter out = RpcWriter.response(RpcCall.C_GetTokenInfo).spaceString(cluster.name(), 32)
                .spaceString("HSM Key Console", 32).spaceString(cluster.hsmType().awsName(), 16)
                .spaceString(Integer.toHexString(cluster.name().hashCode()), 16).ulong(flags)
                .ulong(Sessions.MAX_SESSIONS).ulong(sessions.count()).ulong(Sessions.MAX_SESSIONS)
                .ulong(sessions.readWriteCount()).ulong(64).ulong(9);
        for (int i = 0; i < 4; i++) {
            out.ulong(Ck.UNAVAILABLE);
        }
        return out.version(5, 0).version(5, 0).spaceString("", 16);
    }

    private RpcWriter mechanismList(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        long room = in.bufferSize();
        in.end();
        List<Long> list = Mechanisms.list(cluster.hsmType().fips());
        RpcWriter out = RpcWriter.response(RpcCall.C_GetMechanismList);
        return room < list.size() ? out.ulongArrayLength(list.size()) : out.ulongArray(list);
    }

    private RpcWriter mechanismInfo(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        long mechanism = in.ulong();
        in.end();
        Mechanisms.Info info = Mechanisms.info(mechanism, cluster.hsmType().fips())
                .orElseThrow(() -> new Refusal(Ck.CKR_MECHANISM_INVALID));
        return RpcWriter.response(RpcCall.C_GetMechanismInfo).ulong(info.minKeySize()).ulong(info.maxKeySize())
                .ulong(info.flags());
    }

    private RpcWriter openSession(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        long flags = in.ulong();
        in.end();
        if ((flags & Ck.CKF_SERIAL_SESSION) == 0) {
            throw new Refusal(Ck.CKR_SESSION_PARALLEL_NOT_SUPPORTED);
        }
        Sessions.Session s = sessions.open((flags & Ck.CKF_RW_SESSION) != 0);
        return RpcWriter.response(RpcCall.C_OpenSession).ulong(s.handle);
    }

    private RpcWriter closeSession(RpcReader in) throws MalformedMessage {
        long handle = in.ulong();
        in.end();
        objects.forgetSessionObjects(sessions.remove(handle));
        if (sessions.isEmpty()) {
            // PKCS#11: closing the application's last session returns it to the public state.
            sessions.takeLogin().ifPresent(HsmSession::logout);
        }
        return RpcWriter.response(RpcCall.C_CloseSession);
    }

    private RpcWriter closeAllSessions(RpcReader in) throws MalformedMessage {
        requireSlot(in.ulong());
        in.end();
        for (Sessions.Session s : sessions.removeAll()) {
            objects.forgetSessionObjects(s);
        }
        sessions.takeLogin().ifPresent(HsmSession::logout);
        return RpcWriter.response(RpcCall.C_CloseAllSessions);
    }

    private RpcWriter sessionInfo(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        in.end();
        boolean user = sessions.login().isPresent();
        long state = s.readWrite ? (user ? Ck.CKS_RW_USER_FUNCTIONS : Ck.CKS_RW_PUBLIC_SESSION)
                : (user ? Ck.CKS_RO_USER_FUNCTIONS : Ck.CKS_RO_PUBLIC_SESSION);
        long flags = Ck.CKF_SERIAL_SESSION | (s.readWrite ? Ck.CKF_RW_SESSION : 0);
        return RpcWriter.response(RpcCall.C_GetSessionInfo).ulong(SLOT_ID).ulong(state).ulong(flags).ulong(0);
    }

    /**
     * C_Login with CloudHSM's PIN, {@code <crypto user>:<password>}, through the simulator's login: the
     * same users, lockout and audit as the shells. Officers are refused (the PKCS#11 channel takes
     * crypto users only).
     */
    private RpcWriter login(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        long userType = in.ulong();
        byte[] pin = in.optionalByteArray();
        in.end();
        try {
            if (sessions.login().isPresent()) {
                throw new Refusal(Ck.CKR_USER_ALREADY_LOGGED_IN);
            }
            if (userType != Ck.CKU_USER && userType != Ck.CKU_SO) {
                throw new Refusal(Ck.CKR_USER_TYPE_INVALID);
            }
            if (pin == null) {
                throw new Refusal(Ck.CKR_ARGUMENTS_BAD);
            }
            char[] chars = decode(pin);
            int colon = indexOf(chars, ':');
            if (colon <= 0) {
                Arrays.fill(chars, '\0');
                // Without a user name there is nobody to log in (and the text may be a password: it is not audited).
                throw new Refusal(Ck.CKR_PIN_INCORRECT);
            }
            String name = new String(chars, 0, colon);
            char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
            Arrays.fill(chars, '\0');
            UserType type = userType == Ck.CKU_SO ? UserType.CO : UserType.CU;
            HsmResult<HsmSession> result = cluster.login(LoginChannel.PKCS11, type, name, password);
            Arrays.fill(password, '\0');
            if (!result.isSuccess()) {
                throw new Refusal(ReturnValues.of(result.code()));
            }
            sessions.loggedIn(result.value());
            return RpcWriter.response(RpcCall.C_Login);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, (byte) 0);
            }
        }
    }

    private static char[] decode(byte[] pin) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(pin));
        char[] out = new char[chars.remaining()];
        chars.get(out);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return out;
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private RpcWriter logout(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        in.end();
        HsmSession login = sessions.takeLogin().orElseThrow(() -> new Refusal(Ck.CKR_USER_NOT_LOGGED_IN));
        // Logging out keeps the sessions open; their searches, operations and session keys end.
        for (Sessions.Session s : sessions.all()) {
            s.sessionObjects.clear();
            s.found = null;
            s.operation = null;
        }
        login.logout();
        return RpcWriter.response(RpcCall.C_Logout);
    }
}
