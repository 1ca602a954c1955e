package io.sluice.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs JMH with the JVM flags every Sluice JVM needs, read from the compiler's {@code jvm.options}
 * (filtered from the parent POM's {@code sluice.jvm.flags}) so they are declared in one place.
 * Takes JMH's usual command line.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(final String[] args) throws Exception {
        final CommandLineOptions cli = new CommandLineOptions(args);
        final Options options = new OptionsBuilder().parent(cli)
            .jvmArgsAppend(jvmFlags())
            .jvmArgsAppend("--sun-misc-unsafe-memory-access=allow")
            .build();
        final Runner runner = new Runner(options);
        // as JMH's own Main: -h, -l and -lp only print (without this, "-l" ran every benchmark)
        if (cli.shouldHelp()) {
            cli.showHelp();
        } else if (cli.shouldList()) {
            runner.list();
        } else if (cli.shouldListWithParams()) {
            runner.listWithParams(cli);
        } else {
            runner.run();
        }
    }

    static String[] jvmFlags() throws IOException {
        try (InputStream in = BenchMain.class.getResourceAsStream("/io/sluice/compiler/jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("io/sluice/compiler/jvm.options is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
        }
    }
}
