package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.UserRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

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
 * <p>
 * <b>Attempts in flight are not failures.</b> A count at the limit may be made of checks still
 * running (six right passwords at once: the sixth sees five reservations). Refusing then would lock
 * out CI fleets logging in as one user at once, which CloudHSM does not. So a reservation that finds
 * the count at the limit waits for the attempts in flight to settle and tries again; it only refuses
 * once the count stays at the limit with nothing in flight. Waiting keeps the security property
 * whole: every retry is the same atomic reservation, so no more than five wrong passwords are ever
 * evaluated in a row.
 * <ul>
 * <li>In this process the attempts in flight are known exactly (a count per user under one
 * monitor): a reservation waits while another of this process's checks of the user runs, and is
 * woken when one settles.</li>
 * <li>Another process's attempts cannot be told from failures in the store: the reservation re-reads
 * the count for {@link #SETTLE_NANOS} (many times the longest check measured: PBKDF2 takes 10-60 ms
 * here) and refuses only if it never fell below the limit. A killed process's attempt stays counted,
 * as it must. Once a lock has settled for a given password hash, this process refuses it at once:
 * the count only comes down again by a right password (impossible while locked) or a new password
 * (a new hash).</li>
 * </ul>
 * Why not count attempts in flight in the store (a column beside the failures): a killed process's
 * reservation would then need a deadline to turn into a failure, which is the same wait measured
 * in the store, at the price of a schema migration on both backends; the wait here costs only a
 * locked account's first refusal in each process (up to {@link #SETTLE_NANOS}).
 */
final class LoginAttempts {
    /** How long another process's attempts may keep the count at the limit before it counts as a lock. */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REREAD_MILLIS = 10;

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
    private final IntFunction<Optional<UserRecord>> reader;
    /** This process's granted reservations whose check runs, per user ID; guarded by {@code this}. */
    private final Map<Integer, Integer> checking = new HashMap<>();
    /** Per user ID, the password hash whose lock was seen settled, guarded by {@code this}. */
    private final Map<Integer, String> settledLocks = new HashMap<>();

    LoginAttempts(Writer writer, IntFunction<Optional<UserRecord>> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** Whether this process already saw the user's lock settle (a refusal needing no write). */
    synchronized boolean knownLocked(UserRecord user) {
        return user.loginFailures() >= Credentials.LOCKOUT_FAILURES
                && user.passwordHash() != null && user.passwordHash().equals(settledLocks.get(user.id()));
    }

    /**
     * Counts one attempt for the user read before, unless the account is locked (or gone meanwhile).
     * A granted reservation is in flight until {@link #settle} (call it whatever the check found).
     * This process's reservations are written one at a time under this object's monitor, so that a
     * granted one is known to be in flight before any other of ours can read its count.
     */
    Reservation reserve(UserRecord read) {
        long otherProcessesSettleBy = 0;
        while (true) {
            Reservation r;
            synchronized (this) {
                r = writer.write(tx -> countAttempt(tx, read));
                if (r.granted()) {
                    checking.merge(read.id(), 1, Integer::sum);
                    return r;
                }
                if (r.refusal() != ReturnCode.ACCOUNT_LOCKED || knownLocked(r.user())) {
                    return r;
                }
                if (checking.containsKey(read.id())) {
                    awaitAnySettle();
                    continue; // one of ours may have settled: the count may be below the limit now
                }
            }
            long now = System.nanoTime();
            if (otherProcessesSettleBy == 0) {
                otherProcessesSettleBy = now + SETTLE_NANOS;
            }
            if (!awaitOtherProcesses(r.user(), otherProcessesSettleBy)) {
                rememberLock(r.user());
                return r;
            }
        }
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

    /** The check of a granted reservation is over (right, wrong or failed): it is no longer in flight. */
    synchronized void settle(Reservation granted) {
        checking.computeIfPresent(granted.user().id(), (id, n) -> n == 1 ? null : n - 1);
        notifyAll();
    }

    private static Reservation countAttempt(ClusterStore.Transaction tx, UserRecord read) {
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
    }

    /** Woken by any settle (of any user): the caller tries its reservation again. */
    private void awaitAnySettle() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while other logins of the user were checked", e);
        }
    }

    /**
     * Re-reads the user until the count falls below the limit (true: try again) or the deadline
     * passes with the account still at it (false: a lock, not attempts in flight elsewhere).
     */
    private boolean awaitOtherProcesses(UserRecord locked, long deadline) {
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(REREAD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Optional<UserRecord> now = reader.apply(locked.id()).filter(locked::isSameUserAs);
            if (now.isEmpty() || now.get().loginFailures() < Credentials.LOCKOUT_FAILURES
                    || !locked.passwordHash().equals(now.get().passwordHash())) {
                return true;
            }
        }
        return false;
    }

    private synchronized void rememberLock(UserRecord locked) {
        settledLocks.put(locked.id(), locked.passwordHash());
    }
}
