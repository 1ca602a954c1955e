package io.sluice.runtime.simd;

/**
 * Whether this JVM runs the SIMD twins of generated kernels. The twins use 8-lane vectors (512-bit
 * {@code long}/{@code double} lanes, 256-bit {@code int} lanes) of the incubating Vector API, so they
 * need the module {@code jdk.incubator.vector} resolved at start-up ({@code --add-modules
 * jdk.incubator.vector}, which {@code ./sluice}, the artifact launcher and the build pass) and a CPU
 * whose preferred vector size is at least 512 bits (AVX-512): on a narrower CPU the JIT would
 * emulate 512-bit vectors, far slower than the scalar loop. Otherwise every kernel runs its scalar
 * twin, with identical results.
 *
 * <p>This class names Vector API types only in a nested class touched after the module check, so it
 * loads on any JVM; the SIMD twins live in nested classes of the generated kernels, loaded only when
 * {@link #AVAILABLE} is true.
 */
public final class VectorSupport {
    /** Lanes of every SIMD twin's vectors; the scalar twins mirror it (e.g. in DOUBLE sum order). */
    public static final int LANES = 8;

    /** The module {@code jdk.incubator.vector} is resolved: kernels can be compiled with SIMD twins. */
    public static final boolean MODULE_LOADED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Why the SIMD twins are off, or null when they run. */
    private static final String OFF_REASON = detect();

    /** The SIMD twins can run: not disabled with {@code -Dsluice.simd=false}, module and CPU fit. */
    public static final boolean AVAILABLE = OFF_REASON == null;

    private VectorSupport() {
    }

    private static String detect() {
        if ("false".equalsIgnoreCase(System.getProperty("sluice.simd"))) {
            return "disabled by -Dsluice.simd=false";
        }
        if (!MODULE_LOADED) {
            return "Vector API module jdk.incubator.vector not loaded (--add-modules jdk.incubator.vector)";
        }
        final int bits = Probe.preferredBits();
        return bits >= 512 ? null : "this CPU's preferred vector size is " + bits + " bits, under 512";
    }

    /** One line for {@code --version} and reports: which twin runs by default, and why. */
    public static String describe() {
        return AVAILABLE ? "SIMD kernels: on (Vector API, " + LANES + " lanes)"
            : "SIMD kernels: off, scalar twins run (" + OFF_REASON + ")";
    }

    /** Touches the Vector API; loaded only once the module is known to be there. */
    private static final class Probe {
        static int preferredBits() {
            return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
        }
    }
}
