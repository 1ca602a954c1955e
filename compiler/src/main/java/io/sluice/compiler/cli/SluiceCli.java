package io.sluice.compiler.cli;

import io.sluice.runtime.error.DataException;
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
    subcommands = {RunCommand.class, ExplainCommand.class, TestCommand.class, GenCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {
    public static final int EXIT_DATA_ERROR = 1;
    public static final int EXIT_USAGE = 2;

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
        final CommandLine cli = new CommandLine(new SluiceCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("sluice: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            final boolean verbose = parseResult.hasMatchedOption("--verbose")
                || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose"));
            final int code;
            if (e instanceof UsageException) {
                err.println(e.getMessage());
                code = EXIT_USAGE;
            } else if (e instanceof DataException) {
                err.println(e.getMessage());
                code = EXIT_DATA_ERROR;
            } else {
                err.println("sluice: internal error: " + e + " (run with --verbose for the stack trace; please report it)");
                code = EXIT_DATA_ERROR;
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli.execute(args);
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = SluiceCli.class.getPackage().getImplementationVersion();
            return new String[] {"sluice " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
