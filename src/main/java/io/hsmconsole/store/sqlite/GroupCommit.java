package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.ClusterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for writers of one process: a caller that finds no batch running runs the requests
 * waiting at that moment (its own included) as one batch on its own thread; callers arriving
 * meanwhile wait, and the leader runs them as its next batch (up to a bound; then the next waiter
 * leads). A lone caller therefore runs at once, as a plain write would, and concurrent callers
 * share one commit (one fsync) per batch. Nobody
 * returns before the batch holding its request has been committed or has failed.
 */
final class GroupCommit {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchEnded = lock.newCondition();
    private final List<Request<?>> waiting = new ArrayList<>();
    private final BatchRunner runner;
    private boolean batchRunning;

    /** Runs a batch in one transaction, giving every request its result or its failure. */
    @FunctionalInterface
    interface BatchRunner {
        void run(List<Request<?>> batch);
    }

    GroupCommit(BatchRunner runner) {
        this.runner = runner;
    }

    <T> T submit(ClusterStore.Work<T> work) {
        Request<T> request = new Request<>(work);
        List<Request<?>> batch;
        lock.lock();
        try {
            waiting.add(request);
            // Uninterruptible: once queued, the request is either committed or failed, never abandoned.
            while (batchRunning && !request.done) {
                batchEnded.awaitUninterruptibly();
            }
            if (request.done) {
                return request.outcome();
            }
            batchRunning = true;
            batch = takeWaiting();
        } finally {
            lock.unlock();
        }
        // The leader keeps draining: requests that queued during its batch run next on this thread,
        // without waking a waiter to take over (a hand-off costs a context switch per batch). Bounded,
        // so the leader's own caller is not kept waiting for ever under a steady stream.
        for (int extra = 0; batch != null; extra++) {
            try {
                runner.run(batch);
            } catch (RuntimeException | Error e) {
                batch.forEach(r -> r.failIfOpen(e));
                endBatch(batch, false);
                if (extra == 0) {
                    throw e;
                }
                // A later batch failed: its callers get the failure; this caller's own request was committed.
                break;
            }
            batch = endBatch(batch, extra < MAX_EXTRA_BATCHES);
        }
        return request.outcome();
    }

    /** Most batches one leader runs for others after its own. */
    private static final int MAX_EXTRA_BATCHES = 8;

    /**
     * Marks the batch done and wakes its callers; returns the next batch for this leader to run when
     * {@code drain} and requests are waiting, else ends the leader's turn (null).
     */
    private List<Request<?>> endBatch(List<Request<?>> batch, boolean drain) {
        lock.lock();
        try {
            // Marked done under the lock: the waiters read each outcome after taking it.
            batch.forEach(r -> r.done = true);
            batchEnded.signalAll();
            if (drain && !waiting.isEmpty()) {
                return takeWaiting();
            }
            batchRunning = false;
            return null;
        } finally {
            lock.unlock();
        }
    }

    private List<Request<?>> takeWaiting() {
        List<Request<?>> batch = new ArrayList<>(waiting);
        waiting.clear();
        return batch;
    }

    /** Requests queued behind the running batch (for tests that need a batch of several). */
    int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** One caller's work and, once its batch has ended, its result or failure. */
    static final class Request<T> {
        final ClusterStore.Work<T> work;
        private T result;
        private Throwable failure;
        private boolean done;

        Request(ClusterStore.Work<T> work) {
            this.work = work;
        }

        void fail(Throwable why) {
            failure = why;
        }

        void failIfOpen(Throwable why) {
            if (failure == null) {
                failure = why;
            }
        }

        /** Runs the work and keeps what it returned or threw. */
        void runIn(ClusterStore.Transaction tx) {
            result = work.run(tx);
        }

        private T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
