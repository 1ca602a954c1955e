package io.sluice.compiler.cli;

import io.sluice.runtime.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code sluice} command line: {@code run}, {@code explain}, {@code test}. Exit codes: 0 success,
 * 2 usage or SQL error, 1 data or runtime error. Errors are one line on stderr; {@code --verbose}
 * adds the stack trace.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceCli.Version.class,
    description = "Sluice: a streaming-SQL query compiler for the JVM.",
    subcommands = {RunCommand.class, CompileCommand.class, ExplainCommand.class, TestCommand.class, GenCommand.class,
        CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (run, explain or test)");
    }

    public static void main(final String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        return Cli.execute(new SluiceCli(), args, out, err);
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = SluiceCli.class.getPackage().getImplementationVersion();
            return new String[] {"sluice " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                io.sluice.runtime.simd.VectorSupport.describe()};
        }
    }
}
