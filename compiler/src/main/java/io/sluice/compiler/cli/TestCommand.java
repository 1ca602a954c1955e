package io.sluice.compiler.cli;

import io.sluice.runtime.cli.UsageException;
import io.sluice.compiler.golden.GoldenRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sluice test [DIR]}: runs the golden cases. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run golden query cases (folders with query.sql and expected.csv or expected-error.txt).")
public final class TestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "test-corpus",
        description = "a case folder, or a folder of cases (default: ${DEFAULT-VALUE})")
    Path dir;

    @CommandLine.Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("sluice test: " + dir + ": no such folder");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final GoldenRunner.Report report = GoldenRunner.runAll(dir, out);
        out.println(report.passed() + " passed, " + report.failed() + " failed");
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }
}
