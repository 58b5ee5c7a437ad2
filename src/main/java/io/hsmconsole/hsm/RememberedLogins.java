package io.hsmconsole.hsm;

import io.hsmconsole.store.UserRecord;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passwords this process has already checked with the slow hash, so that an application that
 * logs in again and again (every {@code pkcs11-tool} call does) does not pay PBKDF2 each time: about
 * 3 ms of a 23 ms call in the client daemon.
 * <p>
 * What is kept is not the password but an HMAC-SHA256 of it under a random key made when the
 * cluster is opened and never stored, tied to the user's ID, name, type and stored hash. A changed
 * password has a new salt and so a new stored hash, so nothing remembered before matches it, even
 * when another process made the change; a deleted user is not found before this is asked; another
 * cluster has its own instance and key. Only a right password is remembered: a wrong one never
 * matches and takes the slow path, where it counts toward the lockout as before.
 */
final class RememberedLogins {
    /** More users than this logging in to one cluster from one process start the memory afresh. */
    static final int MAX_USERS = 1_024;

    private final byte[] secret = new byte[32];
    private final Map<Integer, byte[]> tags = new ConcurrentHashMap<>();

    RememberedLogins(SecureRandom random) {
        random.nextBytes(secret);
    }

    /** Whether this password was checked right for this very record (same user, same stored hash). */
    boolean remembers(UserRecord user, char[] password) {
        byte[] kept = tags.get(user.id());
        return kept != null && user.passwordHash() != null && MessageDigest.isEqual(kept, tag(user, password));
    }

    /** After the slow hash said this password is the user's. */
    void remember(UserRecord user, char[] password) {
        if (tags.size() >= MAX_USERS) {
            tags.clear();
        }
        tags.put(user.id(), tag(user, password));
    }

    /** The user's password changed, or the user is gone. */
    void forget(int userId) {
        tags.remove(userId);
    }

    private byte[] tag(UserRecord user, char[] password) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(secret));
        for (String part : new String[] {Integer.toString(user.id()), user.name(), user.type().name(), user.passwordHash()}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update(bytes, 0, bytes.length);
            mac.update((byte) 0);
        }
        var encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        mac.update(bytes, 0, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
