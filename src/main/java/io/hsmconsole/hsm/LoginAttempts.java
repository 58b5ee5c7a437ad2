package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.UserRecord;

import java.util.Optional;

/**
 * The lockout rule made atomic across threads and processes. Every password check first reserves
 * an attempt: in one write transaction, it refuses a locked account or counts the attempt as a
 * failure in advance, and reads the password hash the check will use. Only then runs the slow
 * hash, outside any transaction. A wrong password has nothing more to write; a right one releases
 * its attempt and every failure counted before it (a correct password resets the count), but only
 * if the password is still the one it checked. So at most {@link Credentials#LOCKOUT_FAILURES}
 * wrong passwords are ever evaluated in a row, however many arrive at once, and a login never
 * writes back a user record read before someone else changed it.
 * <p>
 * These commits skip the disk sync, as audit batches do: a reservation survives the process being
 * killed mid-check (a killed check counts as a failure), and only a power cut could lose one.
 */
final class LoginAttempts {
    /** What a reservation found: a refusal, or the user as read in the reserving transaction. */
    record Reservation(ReturnCode refusal, UserRecord user) {
        boolean granted() {
            return refusal == null;
        }
    }

    /** Runs one write transaction (without a disk sync) and returns what the work returned. */
    interface Writer {
        <T> T write(ClusterStore.Work<T> work);
    }

    private final Writer writer;

    LoginAttempts(Writer writer) {
        this.writer = writer;
    }

    /** Counts one attempt for the user read before, unless the account is locked (or gone meanwhile). */
    Reservation reserve(UserRecord read) {
        return writer.write(tx -> {
            Optional<UserRecord> found = tx.userById(read.id()).filter(read::isSameUserAs);
            if (found.isEmpty()) {
                return new Reservation(ReturnCode.USER_NOT_FOUND, null);
            }
            UserRecord user = found.get();
            if (user.passwordHash() == null) {
                return new Reservation(ReturnCode.NOT_AUTHORIZED, user);
            }
            if (user.loginFailures() >= Credentials.LOCKOUT_FAILURES) {
                return new Reservation(ReturnCode.ACCOUNT_LOCKED, user);
            }
            UserRecord counted = user.withLoginFailures(user.loginFailures() + 1);
            tx.updateUser(counted);
            return new Reservation(null, counted);
        });
    }

    /**
     * After a right password: takes back this attempt and the failures counted before it, keeping
     * the attempts reserved after it. False, and nothing written, when the password (or the user)
     * changed since the reservation: the password just checked is no longer the account's.
     */
    boolean release(Reservation granted) {
        UserRecord checked = granted.user();
        return writer.write(tx -> {
            Optional<UserRecord> now = tx.userById(checked.id()).filter(checked::isSameUserAs).filter(u -> checked.passwordHash().equals(u.passwordHash()));
            now.ifPresent(u -> tx.updateUser(u.withLoginFailures(Math.max(0, u.loginFailures() - checked.loginFailures()))));
            return now.isPresent();
        });
    }

}
