package io.sluice.runtime.simd;

/**
 * Whether this JVM can run the SIMD twins of generated kernels: the incubating Vector API module
 * {@code jdk.incubator.vector} must be resolved at start-up ({@code --add-modules
 * jdk.incubator.vector}, which {@code ./sluice}, the artifact launcher and the build pass).
 * Without it every kernel runs its scalar twin, with identical results.
 *
 * <p>This class names no Vector API type, so it loads on any JVM; the SIMD twins live in nested
 * classes of the generated kernels, loaded only when {@link #AVAILABLE} is true.
 */
public final class VectorSupport {
    /** The Vector API is resolved and not disabled with {@code -Dsluice.simd=false}. */
    public static final boolean AVAILABLE = detect();

    private VectorSupport() {
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("sluice.simd"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** One line for {@code --version} and reports: which twin runs by default, and why. */
    public static String describe() {
        return AVAILABLE ? "SIMD kernels: Vector API available"
            : "SIMD kernels: off (Vector API module jdk.incubator.vector not loaded; scalar twins run)";
    }
}
