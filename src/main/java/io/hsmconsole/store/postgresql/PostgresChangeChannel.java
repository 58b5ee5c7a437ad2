package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.ChangeSubscription;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this process when any machine commits a change to the cluster: every write sends a
 * {@code NOTIFY} on the cluster's channel inside its transaction ({@link PostgresDatabase#write}), so
 * PostgreSQL delivers it at commit, and only if it commits. One connection of its own, outside the
 * pool, listens on a daemon thread and calls the subscribers; once it listens, and again each time
 * it listens anew after losing the connection (the server restarted), it calls them once, since
 * changes may have been missed.
 * The thread starts with the first subscriber and stops with the store.
 */
final class PostgresChangeChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeChannel.class);
    /** How long one wait for notifications lasts: bounds how long {@link #close} leaves the thread running. */
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    private final PostgresUrl url;
    private final String channel;
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private Thread listener;
    private volatile boolean closed;

    PostgresChangeChannel(PostgresUrl url, String channel) {
        this.url = url;
        this.channel = channel;
    }

    synchronized ChangeSubscription subscribe(Runnable subscriber) {
        if (closed) {
            throw new IllegalStateException("the cluster store is closed");
        }
        subscribers.add(subscriber);
        if (listener == null) {
            listener = new Thread(this::listen, "hsm-store-changes-" + channel);
            listener.setDaemon(true);
            listener.start();
        }
        return () -> subscribers.remove(subscriber);
    }

    private void listen() {
        boolean missedSome = false;
        while (!closed) {
            try (Connection c = url.connect()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + PostgresSchema.quoted(channel));
                }
                if (missedSome) {
                    LOG.info("listening again for changes of {} on {}", channel, url);
                    missedSome = false;
                }
                // A commit between subscribe() and this LISTEN, or while the connection was lost,
                // sent a notification nobody heard.
                tellSubscribers();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
                    if (got != null && got.length > 0) {
                        tellSubscribers();
                    }
                }
            } catch (SQLException e) {
                if (!closed) {
                    if (!missedSome) {
                        LOG.warn("lost the change notifications of {} from the PostgreSQL server {}: {}; retrying",
                                channel, url, e.getMessage());
                    }
                    missedSome = true;
                    pause();
                }
            }
        }
    }

    private void tellSubscribers() {
        for (Runnable subscriber : subscribers) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warn("a change subscriber failed", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        subscribers.clear();
    }
}
