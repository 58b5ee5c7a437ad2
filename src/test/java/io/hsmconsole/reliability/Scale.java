package io.hsmconsole.reliability;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

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

    /**
     * A jqwik hook for fuzzing properties: their {@code @Property(tries = N)} is the short form, the
     * long form runs {@link #LONG_FACTOR} times as many tries. (jqwik reads tries from the annotation
     * only; the property's attributes may be changed around its execution.)
     */
    public static final class Tries implements AroundPropertyHook {
        public static final int LONG_FACTOR = 50;

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (isLong()) {
                context.attributes().tries().ifPresent(t -> context.attributes().setTries(t * LONG_FACTOR));
            }
            return property.execute();
        }
    }
}
