package io.sluice.bench.kernels;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every benchmark of this package runs, kernels and the references beside them alike (JMH
 * inherits these class annotations): one operation is one record of the 16M an invocation reads,
 * throughput, the default run's forks and iterations. The forks' JVM flags are those
 * {@link io.sluice.bench.BenchMain} appends (the project's, from its POM) and the JVM's default
 * heap: options given to the runner replace an annotation's {@code jvmArgsAppend}, so the 3 GiB
 * heap these classes once asked for never applied (the JMH JSON's {@code jvmArgs} of earlier runs
 * show it).
 */
@BenchmarkMode(Mode.Throughput)
@OperationsPerInvocation(KernelBench.ROWS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public abstract class KernelRunSettings {
}
