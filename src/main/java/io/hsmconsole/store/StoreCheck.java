package io.hsmconsole.store;

/**
 * A store's answer to "can this cluster be opened from here?", asked before anything is opened or
 * created (the console's "Test connection"): what stands in the way, in a kind a window can put in
 * plain words, and the store's own one-line sentence naming the server, folder or file.
 */
public record StoreCheck(Verdict verdict, String detail) {
    /** What the store found; everything but {@link #READY} and {@link #NO_CLUSTER} keeps the cluster from opening. */
    public enum Verdict {
        /** The cluster is there and this machine can open it. */
        READY,
        /** The store answers, but holds no cluster of that name. */
        NO_CLUSTER,
        /** The server cannot be reached (down, wrong host or port, no network). */
        UNREACHABLE,
        /** The server refused the user or password. */
        LOGIN_REFUSED,
        /** The server has no database of that name. */
        NO_DATABASE,
        /**
         * The store has no such cluster, and one cannot be made from this data folder: its folder of
         * that name already holds a master key (a cluster of that name on another store).
         */
        KEY_IN_THE_WAY,
        /** The cluster was written by a newer version of the console; it is left untouched. */
        NEWER_SCHEMA,
        /** The cluster is there, but this machine lacks the master key its key material is sealed under. */
        NO_MASTER_KEY,
        /** The setting is not a store this console knows (not a PostgreSQL URL, a field missing). */
        INVALID_SETTING,
        /** Anything else, said by the store's detail. */
        FAILED
    }

    public boolean opens() {
        return verdict == Verdict.READY;
    }
}
