package io.sluice.runtime.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Turns a loaded kernel class into a {@link KernelFactory}: the one place kernels are instantiated. */
public final class KernelClasses {
    private KernelClasses() {
    }

    /**
     * @throws IllegalArgumentException when the class is not a kernel (no {@code (KernelContext)}
     *                                  constructor, or not a {@link Kernel})
     */
    public static KernelFactory factory(final Class<?> type) {
        if (!Kernel.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a Sluice kernel");
        }
        final Constructor<?> constructor;
        try {
            constructor = type.getConstructor(KernelContext.class);
        } catch (final NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no (KernelContext) constructor");
        }
        return context -> {
            try {
                return (Kernel) constructor.newInstance(context);
            } catch (final InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (final ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
