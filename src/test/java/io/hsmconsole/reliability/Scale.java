package io.hsmconsole.reliability;

/**
 * How big the reliability tests run: their short form in the default build (CI), their long form
 * with {@code ./mvnw -Plong verify}, which sets the system property {@value #PROPERTY} to
 * {@code long} for the test JVMs. docs/reliability.md lists both sizes of every test.
 */
public final class Scale {
    public static final String PROPERTY = "hsm.reliability";

    private Scale() {
    }

    public static boolean isLong() {
        return "long".equals(System.getProperty(PROPERTY));
    }

    /** {@code shortForm} in the default build, {@code longForm} with {@code -Plong}. */
    public static int pick(int shortForm, int longForm) {
        return isLong() ? longForm : shortForm;
    }

    /** How many times more cases the fuzzers run in the long form. */
    public static final int LONG_FACTOR = 50;

    /** The number of cases of a fuzzing property: {@code shortForm}, or {@link #LONG_FACTOR} times as many with {@code -Plong}. */
    public static int cases(int shortForm) {
        return isLong() ? shortForm * LONG_FACTOR : shortForm;
    }
}
