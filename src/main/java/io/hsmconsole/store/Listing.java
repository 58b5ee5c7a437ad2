package io.hsmconsole.store;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The rows of one remembered listing, each with the key it belongs to and its place in the listing's
 * order (the key's creation order), or with no order where the order means nothing (every key copy).
 * A listing is brought up to date by {@link #patched}: the rows of the keys changed since it was read
 * go, the rows those keys have now come in at their place, and every other row stays the same object —
 * so whoever derived something from a row (the console's summary of a key) may keep it while the row
 * is the same object.
 */
public final class Listing<T> {
    private final long[] handles;
    /** Null for a listing without order: patched-in rows then go at the end. */
    private final long[] orders;
    private final Object[] values;
    private final int size;

    private Listing(long[] handles, long[] orders, Object[] values, int size) {
        this.handles = handles;
        this.orders = orders;
        this.values = values;
        this.size = size;
    }

    /** Rows in creation order: {@link Builder#add} with each key's creation order, ascending. */
    public static <T> Builder<T> ordered() {
        return new Builder<>(true, 64);
    }

    /** Rows whose order means nothing (several may belong to one key). */
    public static <T> Builder<T> unordered() {
        return new Builder<>(false, 64);
    }

    public int size() {
        return size;
    }

    /** The rows, unmodifiable (a view: a listing never changes once built). */
    public List<T> rows() {
        return new Rows<>(values, size);
    }

    private static final class Rows<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] values;
        private final int size;

        Rows(Object[] values, int size) {
            this.values = values;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The key of each row, in row order. */
    public long handle(int row) {
        return handles[row];
    }

    /** The same rows, each turned into another (keys and order kept). */
    @SuppressWarnings("unchecked")
    public <R> Listing<R> map(Function<T, R> how) {
        Object[] mapped = new Object[size];
        for (int i = 0; i < size; i++) {
            mapped[i] = how.apply((T) values[i]);
        }
        return new Listing<>(handles, orders, mapped, size);
    }

    /**
     * This listing with the rows of the {@code changed} keys (sorted, distinct) replaced by
     * {@code fresh}: the rows those keys have now (none for a key deleted or no longer in the listing).
     * A key of {@code fresh} not in {@code changed} is replaced too (it changed after the log was read).
     */
    public Listing<T> patched(long[] changed, Listing<T> fresh) {
        long[] gone = union(changed, fresh);
        Builder<T> out = new Builder<>(orders != null, size + fresh.size);
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (Arrays.binarySearch(gone, handles[i]) >= 0) {
                continue;
            }
            while (orders != null && next < fresh.size && comesBefore(fresh, next, this, i)) {
                out.copy(fresh, next++);
            }
            out.copy(this, i);
        }
        while (next < fresh.size) {
            out.copy(fresh, next++);
        }
        return out.build();
    }

    private static boolean comesBefore(Listing<?> a, int i, Listing<?> b, int j) {
        return a.orders[i] < b.orders[j] || (a.orders[i] == b.orders[j] && a.handles[i] < b.handles[j]);
    }

    private static long[] union(long[] changed, Listing<?> fresh) {
        long[] all = Arrays.copyOf(changed, changed.length + fresh.size);
        System.arraycopy(fresh.handles, 0, all, changed.length, fresh.size);
        Arrays.sort(all);
        return all;
    }

    /** Collects rows; the arrays grow as rows come. */
    public static final class Builder<T> {
        private long[] handles;
        private long[] orders;
        private Object[] values;
        private int size;

        private Builder(boolean ordered, int capacity) {
            handles = new long[capacity];
            orders = ordered ? new long[capacity] : null;
            values = new Object[capacity];
        }

        /** A row of key {@code handle} at place {@code order} (ignored when unordered). */
        public Builder<T> add(long handle, long order, T value) {
            if (size == handles.length) {
                int grown = Math.max(16, size * 2);
                handles = Arrays.copyOf(handles, grown);
                orders = orders == null ? null : Arrays.copyOf(orders, grown);
                values = Arrays.copyOf(values, grown);
            }
            handles[size] = handle;
            if (orders != null) {
                orders[size] = order;
            }
            values[size++] = value;
            return this;
        }

        @SuppressWarnings("unchecked")
        private void copy(Listing<T> from, int row) {
            add(from.handles[row], from.orders == null ? 0 : from.orders[row], (T) from.values[row]);
        }

        /** The listing; the builder is spent (its arrays are the listing's now). */
        public Listing<T> build() {
            Listing<T> built = new Listing<>(handles, orders, values, size);
            handles = null;
            orders = null;
            values = null;
            return built;
        }
    }
}
