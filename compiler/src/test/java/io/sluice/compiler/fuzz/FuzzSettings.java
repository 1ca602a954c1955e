package io.sluice.compiler.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a run override the fixed number of tries and seed of the fuzz properties:
 * {@code -Dsluice.fuzz.tries=N} and {@code -Dsluice.fuzz.seed=S} (Maven passes {@code -D}
 * properties on to the test JVM).
 */
public final class FuzzSettings implements AroundPropertyHook {
    /** Registered on a test class, the hook applies to the properties in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(final PropertyLifecycleContext context, final PropertyExecutor property)
        throws Throwable {
        final String tries = System.getProperty("sluice.fuzz.tries");
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.strip()));
        }
        final String seed = System.getProperty("sluice.fuzz.seed");
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        return property.execute();
    }
}
