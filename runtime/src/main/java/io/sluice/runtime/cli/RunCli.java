package io.sluice.runtime.cli;

import io.sluice.runtime.api.QueryPlan;
import io.sluice.runtime.exec.LateRowsFile;
import io.sluice.runtime.exec.ProgressLine;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.RunProgress;
import io.sluice.runtime.exec.RunReport;
import io.sluice.runtime.exec.RunSummary;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.sink.CsvOutput;
import io.sluice.runtime.source.BadRowPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running a compiled query from the command line: the options and the run, shared by
 * {@code sluice run QUERY.sql} (which compiles first) and a runnable artifact
 * ({@code java -jar query.jar}, which loads its kernel), so both behave the same: same flags,
 * output, summary and errors.
 */
public abstract class RunCli implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([kmg]?)b?");

    @Option(names = "--input", paramLabel = "TABLE=PATH",
        description = "read TABLE from PATH instead of its 'path' option; repeat for several files of one table "
            + "(each is a source partition with its own watermark)")
    protected List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "PATH", description = "write results to PATH (default: stdout)")
    Path output;

    @Option(names = "--partitions", paramLabel = "N",
        description = "processing partitions, one worker thread each (default: the number of cores, ${DEFAULT-VALUE})")
    int partitions = Runtime.getRuntime().availableProcessors();

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "4096",
        description = "rows per column batch, 1 to 1048576 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--no-simd",
        description = "run the kernels' scalar twins instead of their Vector API (SIMD) loops; same results")
    boolean noSimd;

    @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
        description = "a malformed input row stops the run (fail, default) or is counted and written to --rejects (skip)")
    String onBadRow;

    @Option(names = "--rejects", paramLabel = "PATH", defaultValue = "rejects.csv",
        description = "where --on-bad-row skip writes skipped rows (default: ${DEFAULT-VALUE})")
    Path rejects;

    @Option(names = "--late-output", paramLabel = "PATH", defaultValue = "late.csv",
        description = "where the side-output late policy writes late rows (default: ${DEFAULT-VALUE})")
    Path lateOutput;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "0s",
        description = "event time an input file that has ended keeps holding the watermark back, e.g. 30s, 5m "
            + "(default: ${DEFAULT-VALUE})")
    String idleTimeout;

    @Option(names = "--max-state-memory", paramLabel = "SIZE", defaultValue = "4g",
        description = "memory the aggregation state may use, e.g. 512m, 4g (default: ${DEFAULT-VALUE})")
    String maxStateMemory;

    @Option(names = "--metrics-json", paramLabel = "PATH", description = "write the run's metrics as JSON to PATH")
    Path metricsJson;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    /** What to run: the plan, its kernels, and where its input is. */
    public record Prepared(QueryPlan plan, KernelFactory kernels, SourceSpec source) {
    }

    /** Compiles or loads the query and resolves its input. */
    protected abstract Prepared prepare() throws UsageException;

    @Override
    public final Integer call() throws Exception {
        final RunOptions options = options();
        final Prepared prepared = prepare();
        final QueryPlan plan = prepared.plan();
        final PrintWriter err = spec.commandLine().getErr();
        final Writer writer = output == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
            : openOutput(output);
        final CsvOutput out = new CsvOutput(writer, output == null ? "stdout" : output.toString(), plan.output(),
            plan.changelog());
        final RunProgress progress = ProgressLine.forStderr();
        final RunSummary summary;
        try (LateRowsFile late = new LateRowsFile(lateOutput)) {
            try {
                summary = QueryRunner.run(prepared.source(), prepared.kernels(), plan.routing(), plan.latePolicy(),
                    options, p -> out.partitionSink(), late, progress);
            } finally {
                if (progress instanceof ProgressLine line) {
                    line.done();
                }
                out.close();
            }
            err.println(summary.format());
            if (options.partitions() > 1) {
                err.println(RunReport.table(summary));
            }
            if (summary.rowsRejected() > 0) {
                err.println("sluice: " + summary.rowsRejected() + " rejected rows written to " + rejects);
            }
            if (late.count() > 0) {
                err.println("sluice: " + late.count() + " late rows written to " + lateOutput);
            }
        }
        if (metricsJson != null) {
            try {
                Files.writeString(metricsJson, RunReport.json(summary), StandardCharsets.UTF_8);
            } catch (final IOException e) {
                throw new UsageException(name() + ": cannot write --metrics-json " + metricsJson + ": " + e.getMessage());
            }
        }
        return 0;
    }

    private String name() {
        return spec.qualifiedName();
    }

    private RunOptions options() throws UsageException {
        if (partitions < 1 || partitions > 256) {
            throw new UsageException(name() + ": --partitions must be between 1 and 256, not " + partitions);
        }
        if (batchSize < 1 || batchSize > 1 << 20) {
            throw new UsageException(name() + ": --batch-size must be between 1 and 1048576, not " + batchSize);
        }
        final BadRowPolicy policy = switch (onBadRow) {
            case "fail" -> BadRowPolicy.FAIL;
            case "skip" -> BadRowPolicy.SKIP;
            default -> throw new UsageException(name() + ": --on-bad-row must be 'fail' or 'skip', not '" + onBadRow + "'");
        };
        return new RunOptions(batchSize, partitions, policy, rejects, parseSize(maxStateMemory),
            parseDuration("--idle-timeout", idleTimeout), RunOptions.DEFAULT_QUEUE_CAPACITY, !noSimd);
    }

    /**
     * The {@code --input TABLE=PATH} values naming {@code table}, as (path, name as given) pairs.
     *
     * @throws UsageException for a malformed value or another table's name
     */
    public static List<String[]> inputFiles(final String table, final List<String> inputs) throws UsageException {
        final List<String[]> files = new ArrayList<>();
        for (final String input : inputs) {
            final int eq = input.indexOf('=');
            if (eq <= 0 || eq == input.length() - 1) {
                throw new UsageException("--input " + input + ": expected TABLE=PATH");
            }
            final String name = input.substring(0, eq).strip();
            if (!name.equalsIgnoreCase(table)) {
                throw new UsageException("--input " + input + ": the query reads no table '" + name
                    + "' (it reads '" + table + "')");
            }
            files.add(new String[] {input.substring(eq + 1), input.substring(eq + 1)});
        }
        return files;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} to milliseconds. */
    public static long parseDuration(final String flag, final String text) throws UsageException {
        final Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(flag + " must be a duration like 500ms, 30s, 5m or 1h, not '" + text + "'");
        }
        final long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 86_400_000;
        };
    }

    /** {@code 123}, {@code 64k}, {@code 512m}, {@code 4g} (binary units) to bytes. */
    public static long parseSize(final String text) throws UsageException {
        final Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("--max-state-memory must be a size like 512m or 4g, not '" + text + "'");
        }
        final long n = Long.parseLong(m.group(1));
        final int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new UsageException("--max-state-memory must be positive and below 8 EiB, not '" + text + "'");
        }
        return n << shift;
    }

    private static Writer openOutput(final Path path) throws UsageException {
        try {
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UsageException("cannot write --output " + path + ": " + e.getMessage());
        }
    }
}
