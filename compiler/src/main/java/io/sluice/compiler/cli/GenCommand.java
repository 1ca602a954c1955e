package io.sluice.compiler.cli;

import io.sluice.compiler.gen.GenOptions;
import io.sluice.compiler.gen.Generators;
import io.sluice.compiler.gen.Workload;
import io.sluice.runtime.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sluice gen WORKLOAD}: writes a deterministic benchmark workload as CSV. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = {"Write a deterministic benchmark workload as CSV (the same options give the same",
        "bytes). Workloads:",
        "  stream   group_id,value,ts: Velostream's benchmark stream (one file)",
        "  trades   symbol,price,qty,ts: trades with bounded disorder (one file)",
        "  nexmark  person.csv, auction.csv, bid.csv in the folder --out (Nexmark's",
        "           schema; --rows counts events of all three kinds: 2%% persons,",
        "           6%% auctions, 92%% bids)"})
public final class GenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "stream, trades or nexmark")
    String workload;

    @Option(names = "--rows", paramLabel = "N", required = true, description = "rows (nexmark: events) to write")
    long rows;

    @Option(names = "--out", paramLabel = "PATH", required = true,
        description = "the CSV file to write (nexmark: the folder to write its three files into)")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--keys", paramLabel = "K",
        description = "stream: distinct group_id values (default 1000); trades: symbols (default 100); "
            + "nexmark: auctions in flight a bid may choose (default 100)")
    Integer keys;

    @Option(names = "--rate", paramLabel = "R",
        description = "rows per second of event time (default: stream and trades 1000, nexmark 10000)")
    Long rate;

    @Option(names = "--disorder", paramLabel = "MS",
        description = "largest lateness of a row behind the clock, in milliseconds; a quarter of the rows are "
            + "late by a uniform amount up to it (default: trades 2000, others 0)")
    Long disorder;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final Workload w = Workload.byName(workload);
        if (w == null) {
            throw new UsageException("sluice gen: unknown workload '" + workload + "' (expected stream, trades or nexmark)");
        }
        if (rows < 0) {
            throw new UsageException("sluice gen: --rows must not be negative, not " + rows);
        }
        GenOptions options = GenOptions.defaults(w, rows, seed);
        try {
            if (keys != null) {
                options = options.withKeys(keys);
            }
            if (rate != null) {
                options = options.withEventsPerSecond(rate);
            }
            if (disorder != null) {
                options = options.withDisorder(disorder);
            }
        } catch (final IllegalArgumentException e) {
            throw new UsageException("sluice gen: " + e.getMessage());
        }
        final Generators.Result result;
        try {
            result = Generators.generate(w, out, options);
        } catch (final UncheckedIOException e) {
            throw new UsageException("sluice gen: " + e.getMessage());
        } catch (final IllegalArgumentException e) {
            throw new UsageException("sluice gen: " + e.getMessage());
        }
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
            "sluice gen: %,d rows of %s to %s in %.3f s (%,.0f rows/s)", result.rows(), w.cliName(), out,
            result.nanos() / 1e9, result.rowsPerSecond()));
        return 0;
    }
}
