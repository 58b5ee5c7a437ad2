package io.hsmconsole.ui.common;

import io.hsmconsole.controller.ClusterController;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners a view model of a secondary window puts on the console's long-lived controllers and
 * workspace. Those outlive the window, so each listener added here is taken off again when the window
 * closes ({@link #close()}); otherwise every window ever opened would keep reacting to the cluster.
 */
public final class Subscriptions implements AutoCloseable {
    private final List<Runnable> removals = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    public void onClusterChange(ClusterController cluster, Runnable listener) {
        cluster.addChangeListener(listener);
        removals.add(() -> cluster.removeChangeListener(listener));
    }

    public int count() {
        return removals.size();
    }

    @Override
    public void close() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
