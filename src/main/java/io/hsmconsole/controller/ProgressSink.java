package io.hsmconsole.controller;

/** What running work may tell the UI while it runs, and how it learns that the user gave up. */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void report(Progress progress) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void report(Progress progress);

    boolean isCancelled();
}
