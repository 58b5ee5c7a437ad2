package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.GroupCommit;
import io.hsmconsole.store.KeyChangeLog;
import io.hsmconsole.store.KeyCopy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch of shared writes (key creations) in one statement and one round trip, as pgbench's insert
 * is: its requests run against the cluster row's state as this process's last commit left it
 * ({@link OptimisticTransaction}), and one autocommitted statement of data-modifying CTEs moves the
 * row's counters <em>only if</em> its change counter and sealing check are still what that commit
 * left, and inserts the keys, their shares and copies and the audit records only if it did. The
 * row's lock is then held for that statement and its commit alone.
 *
 * <p>Every write of any machine moves the change counter by one under the row's lock
 * ({@link PostgresDatabase#write}, and this statement), so an unchanged counter means nothing was
 * committed since this process's last commit: every answer given from memory, and every query the
 * requests made meanwhile, is what the lock would have read. Otherwise nothing was written, and the
 * batch runs again under the lock ({@link PostgresBatch}), which reads the row afresh; so does a
 * batch whose work asks for more than a key creation needs, or whose statement the server refuses
 * (each request is then undone alone in its savepoint there). A server out of reach fails the batch.
 */
final class OptimisticBatch {
    private static final String KEY_COLUMNS = "handle, seq, owner, key_class, key_type, size_bytes, label, key_id,"
            + " flags, kcv, m_value, manage_m_value, origin_node, created_at, material";
    private static final String AUDIT_COLUMNS = "seq, time, node, user_id, user_name, command, arguments,"
            + " result_code, previous_hash, hash";

    private final PostgresDatabase db;
    private final PostgresReads reads;
    private final byte[] sealingCheck;
    private final String withShares;
    private final String withoutShares;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();

    /** How many batches this store wrote in one statement, and how many it found stale (then ran under the lock). */
    record Outcomes(long committed, long stale) {
    }

    /** {@code sealingCheck}: the cluster row's as opened, so a cluster made anew under the same name never matches. */
    OptimisticBatch(PostgresDatabase db, PostgresReads reads, byte[] sealingCheck) {
        this.db = db;
        this.reads = reads;
        this.sealingCheck = sealingCheck.clone();
        this.withShares = statement(db.channel(), true);
        this.withoutShares = statement(db.channel(), false);
    }

    /**
     * One text for every batch (the values go in arrays), so the server plans it once per connection.
     * Its keys move {@code key_changes} once and are logged here, under the counter's new value, with
     * the log's trim when it is due (the rule of the triggers', {@code KeyChangeLog}); the row's
     * {@code RETURNING} sets {@link PostgresSchema#KEYS_LOGGED} for this transaction, before any insert
     * below can run (each waits for a row of {@code c}), so the insert triggers skip them (schema 7).
     * {@code shares}: whether it inserts shares; most batches have none, and a table the statement
     * names costs the server its opening, locks and index set-up on every run, rows or not.
     */
    private static String statement(String channel, boolean shares) {
        String ifMoved = " WHERE EXISTS (SELECT FROM c)";
        long kept = KeyChangeLog.KEPT;
        return "WITH c AS (UPDATE cluster SET change_counter = change_counter + 1, handle_counter = ?, round_robin = ?,"
                + " token_key_count = ?, audit_high_water = ?, key_changes = key_changes + ?::bigint,"
                + " key_log_floor = CASE WHEN key_changes + ?::bigint > key_log_floor + " + 2 * kept
                + " THEN key_changes + ?::bigint - " + kept + " ELSE key_log_floor END"
                + " WHERE change_counter = ? AND sealing_check = ?"
                + " RETURNING " + LockedCluster.notify(channel) + ", set_config('" + PostgresSchema.KEYS_LOGGED
                + "', 'on', true), key_changes, key_log_floor),"
                + " k AS (INSERT INTO keys (" + KEY_COLUMNS + ") SELECT * FROM unnest(?::bigint[], ?::bigint[],"
                + " ?::integer[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::bytea[], ?::bigint[], ?::bytea[],"
                + " ?::integer[], ?::integer[], ?::integer[], ?::bigint[], ?::bytea[])" + ifMoved + " RETURNING handle),"
                + " l AS (INSERT INTO key_change_log (seq, handle, copies_only) SELECT c.key_changes, k.handle, 0 FROM c, k),"
                // the floor moved to the counter less KEPT in this statement: the trim is due
                + " t AS (DELETE FROM key_change_log WHERE seq <= (SELECT key_log_floor FROM c"
                + " WHERE key_log_floor = key_changes - " + kept + ")),"
                + (shares ? " s AS (INSERT INTO key_shares (handle, user_id) SELECT * FROM unnest(?::bigint[], ?::integer[])"
                        + ifMoved + ")," : "")
                + " p AS (INSERT INTO key_copies (handle, node, available_at)"
                + " SELECT * FROM unnest(?::bigint[], ?::integer[], ?::bigint[])" + ifMoved + "),"
                + " a AS (INSERT INTO audit_log (" + AUDIT_COLUMNS + ") SELECT * FROM unnest(?::bigint[], ?::bigint[],"
                + " ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bytea[], ?::bytea[])"
                + ifMoved + ")"
                + " SELECT count(*) FROM c";
    }

    /**
     * Runs the batch without the lock if this process remembers the row's state; true when every
     * request has its outcome (committed, failed alone, or failed with the server out of reach),
     * false when nothing was written and the batch is to run under the lock.
     */
    boolean tryRun(List<GroupCommit.Request<?>> batch) {
        LockedCluster remembered = db.takeRemembered();
        if (remembered == null) {
            return false;
        }
        try {
            return db.autocommit(c -> run(c, batch, remembered));
        } catch (SQLException e) {
            return failedToSend(batch, e);
        }
    }

    private boolean run(Connection c, List<GroupCommit.Request<?>> batch, LockedCluster remembered) throws SQLException {
        OptimisticTransaction tx = new OptimisticTransaction(reads, c, remembered);
        Map<GroupCommit.Request<?>, RuntimeException> failures = new IdentityHashMap<>();
        for (GroupCommit.Request<?> request : batch) {
            OptimisticTransaction.Mark before = tx.mark();
            try {
                request.runIn(tx);
            } catch (OptimisticTransaction.NeedsLock e) {
                return false;
            } catch (RuntimeException e) {
                // Decided on the remembered state: it stands once the statement finds that state current.
                tx.rollBackTo(before);
                failures.put(request, e);
            }
        }
        if (!send(c, tx)) {
            stale.incrementAndGet();
            return false;
        }
        committed.incrementAndGet();
        failures.forEach(GroupCommit.Request::fail);
        LockedCluster after = tx.state();
        after.written();
        after.committedOnceMore();
        db.remember(after);
        return true;
    }

    Outcomes outcomes() {
        return new Outcomes(committed.get(), stale.get());
    }

    /** Whether the row was still at the remembered state (and so everything was written). */
    private boolean send(Connection c, OptimisticTransaction tx) throws SQLException {
        LockedCluster state = tx.state();
        List<OptimisticTransaction.NewKey> keys = tx.keys();
        List<AuditRecord> audit = state.unwritten();
        List<long[]> shares = keys.stream().flatMap(k -> k.key().sharedWith().stream()
                .map(u -> new long[] {k.key().handle(), u})).toList();
        try (PreparedStatement ps = c.prepareStatement(shares.isEmpty() ? withoutShares : withShares)) {
            ArrayParameters p = new ArrayParameters(c, ps);
            long keyChanges = keys.isEmpty() ? 0 : 1; // a batch whose every request failed changed no key
            p.add(state.handleCounter()).add(state.roundRobin()).add(state.tokenKeyCount()).add(state.auditHighWater())
                    .add(keyChanges).add(keyChanges).add(keyChanges).add(state.changeCounter()).add(sealingCheck);
            p.longs(keys, k -> k.key().handle()).longs(keys, OptimisticTransaction.NewKey::seq)
                    .ints(keys, k -> k.key().ownerId()).ints(keys, k -> k.key().keyClass().code())
                    .ints(keys, k -> k.key().keyType().code()).ints(keys, k -> k.key().sizeBytes())
                    .texts(keys, k -> k.key().label()).bytes(keys, k -> PostgresKeyId.column(k.key().id()))
                    .longs(keys, k -> k.key().flags()).bytes(keys, k -> k.key().kcv())
                    .ints(keys, k -> k.key().mValue()).ints(keys, k -> k.key().manageMValue())
                    .ints(keys, k -> k.key().originNode()).longs(keys, k -> k.key().createdAtMillis())
                    .bytes(keys, k -> db.cipher().encrypt(k.key().handle(), k.key().material()));
            if (!shares.isEmpty()) {
                p.longs(shares, s -> s[0]).ints(shares, s -> (int) s[1]);
            }
            List<KeyCopy> copies = keys.stream().flatMap(k -> k.copies().stream()).toList();
            p.longs(copies, KeyCopy::handle).ints(copies, KeyCopy::nodeId).longs(copies, KeyCopy::availableAtMillis);
            p.longs(audit, AuditRecord::seq).longs(audit, AuditRecord::timeMillis).ints(audit, AuditRecord::nodeId)
                    .ints(audit, AuditRecord::userId).texts(audit, AuditRecord::userName).texts(audit, AuditRecord::command)
                    .texts(audit, AuditRecord::arguments).longs(audit, AuditRecord::resultCode)
                    .bytes(audit, AuditRecord::previousHash).bytes(audit, AuditRecord::hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /**
     * The server refused the statement (nothing of it was written): the locked path runs the batch,
     * each request in its savepoint. Out of reach: whether an autocommitted statement committed before
     * the connection broke is unknown, so it is not sent again; every request fails, as a write whose
     * commit was cut off does.
     */
    private boolean failedToSend(List<GroupCommit.Request<?>> batch, SQLException e) {
        if (!ServerFailure.isUnreachable(e)) {
            return false;
        }
        RuntimeException failure = db.failure("a write to the cluster store failed; nothing of it was stored", e);
        batch.forEach(r -> r.failIfOpen(failure));
        return true;
    }
}
