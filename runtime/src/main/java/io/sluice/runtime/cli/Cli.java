package io.sluice.runtime.cli;

import io.sluice.runtime.error.DataException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Runs a picocli command with Sluice's error conventions: exit 0 on success, 2 for a usage or SQL
 * error, 1 for bad data or a runtime failure; errors are one line on stderr, {@code --verbose}
 * adds the stack trace.
 */
public final class Cli {
    public static final int EXIT_DATA_ERROR = 1;
    public static final int EXIT_USAGE = 2;

    private Cli() {
    }

    /** Executes {@code command} with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(final Object command, final String[] args, final PrintWriter out, final PrintWriter err) {
        final CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
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
        try {
            return cli.execute(args);
        } catch (final OutOfMemoryError e) {
            err.println("sluice: out of memory (raise the JVM's -Xmx, or lower --batch-size or --partitions)");
            err.flush();
            return EXIT_DATA_ERROR;
        } catch (final StackOverflowError | AssertionError | LinkageError e) {
            // picocli hands only Exceptions to the handler above: one line for these too
            err.println("sluice: internal error: " + e + " (run with --verbose for the stack trace; please report it)");
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_DATA_ERROR;
        }
    }
}
