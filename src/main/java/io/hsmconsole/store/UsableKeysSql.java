package io.hsmconsole.store;

import io.hsmconsole.model.KeyClass;

import java.util.List;

/**
 * The SELECT of every key a user can use ({@link KeyFilter#isUsableByOnly}: findKey without criteria,
 * the key list), in the same SQL on both backends: the user's own keys straight from the
 * {@code keys_owner_seq} index, the keys shared with the user through {@code key_shares_user}, and —
 * with {@link KeyFilter#orAnyPublicKey()} — the other users' public keys from the {@code keys_public}
 * index, as three halves merged by creation order. The OR of the general form cannot use an index:
 * it scanned and sorted the whole table (62 ms at 100,000 keys on SQLite; on PostgreSQL, with a
 * correlated sub-plan per row, more).
 */
public final class UsableKeysSql {
    /** A literal, not a parameter: the class is ours, never the user's, and a literal matches the partial index. */
    public static final String ANY_PUBLIC_KEY = "k.key_class = " + KeyClass.PUBLIC_KEY.code();

    private UsableKeysSql() {
    }

    /** The statement for {@code columns} of {@code keys k} (ordered by {@code creation_order}). */
    public static String select(String columns, boolean orAnyPublicKey) {
        // A key is never shared with its owner, but "k.owner <> ?" keeps the halves disjoint anyway; a
        // public key shared with the user is in the second half, so NOT EXISTS keeps it out of the third.
        return "SELECT " + columns + ", k.seq AS creation_order FROM keys k WHERE k.owner = ?"
                + " UNION ALL SELECT " + columns + ", k.seq FROM key_shares s JOIN keys k ON k.handle = s.handle"
                + " WHERE s.user_id = ? AND k.owner <> ?"
                + (orAnyPublicKey ? " UNION ALL SELECT " + columns + ", k.seq FROM keys k WHERE " + ANY_PUBLIC_KEY
                        + " AND k.owner <> ? AND NOT EXISTS (SELECT 1 FROM key_shares s WHERE s.handle = k.handle"
                        + " AND s.user_id = ?)" : "")
                + " ORDER BY creation_order";
    }

    /** Its parameters: the user, once per place. */
    public static List<Object> parameters(int user, boolean orAnyPublicKey) {
        return orAnyPublicKey ? List.of(user, user, user, user, user) : List.of(user, user, user);
    }
}
