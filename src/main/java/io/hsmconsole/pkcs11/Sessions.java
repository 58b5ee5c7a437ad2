package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One application's sessions and its login (PKCS#11 logs in the application, not one session). One
 * table per connection: a client sees and closes only its own sessions. Not shared between threads.
 */
final class Sessions {
    /** CloudHSM's limit: 1,024 sessions per application. */
    static final int MAX_SESSIONS = 1024;

    private final Map<Long, Session> open = new LinkedHashMap<>();
    private final KeyAvailabilityCheck availability;
    private long nextHandle = 1;
    private HsmSession login;

    Sessions(KeyAvailabilityCheck availability) {
        this.availability = availability;
    }

    KeyAvailabilityCheck availability() {
        return availability;
    }

    Session open(boolean readWrite) {
        if (open.size() >= MAX_SESSIONS) {
            throw new Refusal(Ck.CKR_SESSION_COUNT);
        }
        Session s = new Session(nextHandle++, readWrite);
        open.put(s.handle, s);
        return s;
    }

    Session get(long handle) {
        Session s = open.get(handle);
        if (s == null) {
            throw new Refusal(Ck.CKR_SESSION_HANDLE_INVALID);
        }
        return s;
    }

    Session remove(long handle) {
        Session s = get(handle);
        open.remove(handle);
        return s;
    }

    List<Session> removeAll() {
        List<Session> all = new ArrayList<>(open.values());
        open.clear();
        return all;
    }

    List<Session> all() {
        return List.copyOf(open.values());
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    int count() {
        return open.size();
    }

    int readWriteCount() {
        return (int) open.values().stream().filter(s -> s.readWrite).count();
    }

    Optional<HsmSession> login() {
        return Optional.ofNullable(login).filter(HsmSession::isOpen);
    }

    /** The logged-in simulator session, or CKR_USER_NOT_LOGGED_IN. */
    HsmSession requireLogin() {
        return login().orElseThrow(() -> new Refusal(Ck.CKR_USER_NOT_LOGGED_IN));
    }

    void loggedIn(HsmSession session) {
        login = session;
    }

    /** Forgets the login; the caller logs out of the simulator. */
    Optional<HsmSession> takeLogin() {
        Optional<HsmSession> current = login();
        login = null;
        return current;
    }

    /** One PKCS#11 session: its mode, its search, its operation in progress, its session objects. */
    static final class Session {
        final long handle;
        final boolean readWrite;
        List<Long> found;
        int foundNext;
        Operation operation;
        final List<Long> sessionObjects = new ArrayList<>();

        Session(long handle, boolean readWrite) {
            this.handle = handle;
            this.readWrite = readWrite;
        }
    }
}
