package io.hsmconsole.property;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values for property tests: a function of a seeded {@link SplittableRandom},
 * so that the same seed gives the same values ({@link Trials}).
 */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom random);

    default <U> Gen<U> map(Function<? super T, ? extends U> f) {
        return r -> f.apply(next(r));
    }

    /** Values that pass {@code keep}; drawn again until one does (keep must not be rare). */
    default Gen<T> filter(Predicate<? super T> keep) {
        return r -> {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                T value = next(r);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejects almost every value");
        };
    }

    /** A list of {@code min} to {@code max} values (inclusive). */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int size = r.nextInt(min, max + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(r));
            }
            return values;
        };
    }

    /** A set of at most {@code max} distinct values ({@code max} draws, duplicates dropped). */
    default Gen<Set<T>> set(int max) {
        return r -> {
            int draws = r.nextInt(max + 1);
            Set<T> values = new LinkedHashSet<>();
            for (int i = 0; i < draws; i++) {
                values.add(next(r));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of {@code values}, each equally likely ({@code values} may hold null only through {@link #ofNullable}). */
    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** As {@link #of(List)}, where null is one of the values. */
    @SafeVarargs
    static <T> Gen<T> ofNullable(T... values) {
        List<T> copy = java.util.Arrays.asList(values.clone()); // List.of refuses nulls
        return r -> copy.get(r.nextInt(copy.size()));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    /** An int from {@code min} to {@code max}, both included. */
    static Gen<Integer> between(int min, int max) {
        return r -> r.nextInt(min, max + 1);
    }

    /** A long from {@code min} to {@code max}, both included. */
    static Gen<Long> between(long min, long max) {
        return r -> r.nextLong(min, max + 1);
    }

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** True {@code times} in {@code outOf}. */
    static Gen<Boolean> chance(int times, int outOf) {
        return r -> r.nextInt(outOf) < times;
    }

    /** Strings of {@code min} to {@code max} characters taken from {@code chars}. */
    static Gen<String> strings(String chars, int min, int max) {
        return r -> {
            int length = r.nextInt(min, max + 1);
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append(chars.charAt(r.nextInt(chars.length())));
            }
            return b.toString();
        };
    }

    /** A generator with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> w : all) {
                pick -= w.weight();
                if (pick < 0) {
                    return w.gen().next(r);
                }
            }
            throw new AssertionError("unreachable: the weights sum to " + total);
        };
    }
}
