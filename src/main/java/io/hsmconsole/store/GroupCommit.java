package io.hsmconsole.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for writers of one process: a caller that finds no batch running runs the requests
 * waiting at that moment (its own included) as one batch on its own thread; callers arriving
 * meanwhile wait and the next of them runs the next batch. A lone caller therefore runs at once, as
 * a plain write would, and concurrent callers share one commit (one fsync) per batch. Nobody
 * returns before the batch holding its request has been committed or has failed. Both backends use
 * it for {@link ClusterStore#writeShared}: SQLite to share one fsync, PostgreSQL to share the
 * cluster's write lock and one durable commit.
 */
public final class GroupCommit {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchEnded = lock.newCondition();
    private final List<Request<?>> waiting = new ArrayList<>();
    private final BatchRunner runner;
    private boolean batchRunning;

    /** Runs a batch in one transaction, giving every request its result or its failure. */
    @FunctionalInterface
    public interface BatchRunner {
        void run(List<Request<?>> batch);
    }

    public GroupCommit(BatchRunner runner) {
        this.runner = runner;
    }

    public <T> T submit(ClusterStore.Work<T> work) {
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
            batch = new ArrayList<>(waiting);
            waiting.clear();
        } finally {
            lock.unlock();
        }
        try {
            runner.run(batch);
        } catch (RuntimeException | Error e) {
            batch.forEach(r -> r.failIfOpen(e));
            throw e;
        } finally {
            lock.lock();
            try {
                // Marked done under the lock: the waiters read each outcome after taking it.
                batch.forEach(r -> r.done = true);
                batchRunning = false;
                batchEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return request.outcome();
    }

    /** Requests queued behind the running batch (for tests that need a batch of several). */
    public int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** One caller's work and, once its batch has ended, its result or failure. */
    public static final class Request<T> {
        final ClusterStore.Work<T> work;
        private T result;
        private Throwable failure;
        private boolean done;

        Request(ClusterStore.Work<T> work) {
            this.work = work;
        }

        public void fail(Throwable why) {
            failure = why;
        }

        public void failIfOpen(Throwable why) {
            if (failure == null) {
                failure = why;
            }
        }

        /** Runs the work and keeps what it returned or threw. */
        public void runIn(ClusterStore.Transaction tx) {
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
