package io.sluice.runtime.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Sluice's exit codes and one-line errors, whatever a command throws. */
class CliTest {
    @Command(name = "cmd")
    static final class Throwing implements Callable<Integer> {
        private final Throwable failure;

        @Option(names = "--verbose")
        boolean verbose;

        Throwing(final Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private record Run(int exit, String err) {
    }

    private static Run run(final Throwable failure, final String... args) {
        final StringWriter err = new StringWriter();
        final int exit = Cli.execute(new Throwing(failure), args, new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
        return new Run(exit, err.toString());
    }

    @Test
    void usageAndDataErrorsAreTheirMessageOnOneLine() {
        final Run usage = run(new UsageException("q.sql:1:2: no such column"));
        assertThat(usage.exit()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(usage.err()).isEqualTo("q.sql:1:2: no such column" + System.lineSeparator());
    }

    @Test
    void anErrorFromDeepInsideIsOneLineNotAStackTrace() {
        for (final Throwable t : new Throwable[] {new AssertionError("invariant broken"), new StackOverflowError(),
            new IllegalStateException("bug")}) {
            final Run r = run(t);
            assertThat(r.exit()).as(t.toString()).isEqualTo(Cli.EXIT_DATA_ERROR);
            assertThat(r.err().lines()).as(t.toString()).hasSize(1).first().asString()
                .startsWith("sluice: internal error: " + t);
        }
        final Run verbose = run(new AssertionError("invariant broken"), "--verbose");
        assertThat(verbose.err()).contains("at io.sluice.runtime.cli.CliTest");
    }
}
