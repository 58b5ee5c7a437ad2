package io.hsmconsole.store;

/** A listener registered with {@link ClusterStore#subscribe}; closing it stops the calls. */
@FunctionalInterface
public interface ChangeSubscription extends AutoCloseable {
    @Override
    void close();
}
