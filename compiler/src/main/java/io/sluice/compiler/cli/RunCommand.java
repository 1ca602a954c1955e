package io.sluice.compiler.cli;

import io.sluice.compiler.CompiledQuery;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.RunSummary;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.sink.CsvSink;
import io.sluice.runtime.source.BadRowPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice run QUERY.sql}: compiles the query and runs it over its input. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Compile a query and run it over its input; results go to --output or stdout, a summary to stderr.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY.sql", description = "CREATE TABLE statement(s) and one query")
    Path query;

    @Option(names = "--input", paramLabel = "TABLE=PATH",
        description = "read TABLE from PATH (overrides the table's 'path' option)")
    Map<String, Path> inputs = new LinkedHashMap<>();

    @Option(names = "--output", paramLabel = "PATH", description = "write results to PATH (default: stdout)")
    Path output;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
        description = "processing partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "4096",
        description = "rows per column batch, 1 to 1048576 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--no-simd", description = "use the scalar kernel")
    boolean noSimd;

    @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
        description = "a malformed input row stops the run (fail, default) or is counted and written to --rejects (skip)")
    String onBadRow;

    @Option(names = "--rejects", paramLabel = "PATH", defaultValue = "rejects.csv",
        description = "where --on-bad-row skip writes skipped rows (default: ${DEFAULT-VALUE})")
    Path rejects;

    @Option(names = "--max-state-memory", paramLabel = "SIZE", defaultValue = "4g",
        description = "memory the aggregation state may use, e.g. 512m, 4g (default: ${DEFAULT-VALUE})")
    String maxStateMemory;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final RunOptions options = options();
        final QueryFile file = QueryFile.read(query, query.toString());
        final CompiledQuery compiled = file.compile();
        final SourceSpec source = file.source(compiled, inputs);
        final PrintWriter err = spec.commandLine().getErr();
        final Writer writer = output == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
            : openOutput(output);
        final CsvSink sink = new CsvSink(writer, output == null ? "stdout" : output.toString(), compiled.output(),
            compiled.changelog());
        final RunSummary summary;
        try {
            summary = QueryRunner.run(source, compiled.kernels(), options, sink);
        } finally {
            sink.close();
        }
        err.println(summary.format());
        if (summary.rowsRejected() > 0) {
            err.println("sluice: " + summary.rowsRejected() + " rejected rows written to " + rejects);
        }
        return 0;
    }

    private RunOptions options() throws UsageException {
        if (partitions != 1) {
            throw new UsageException("sluice run: --partitions " + partitions
                + " is not supported yet: this version runs one partition (the partitioned runtime is issue 4)");
        }
        if (batchSize < 1 || batchSize > 1 << 20) {
            throw new UsageException("sluice run: --batch-size must be between 1 and 1048576, not " + batchSize);
        }
        final BadRowPolicy policy = switch (onBadRow) {
            case "fail" -> BadRowPolicy.FAIL;
            case "skip" -> BadRowPolicy.SKIP;
            default -> throw new UsageException("sluice run: --on-bad-row must be 'fail' or 'skip', not '" + onBadRow + "'");
        };
        return new RunOptions(batchSize, partitions, policy, rejects, parseSize(maxStateMemory));
    }

    /** {@code 123}, {@code 64k}, {@code 512m}, {@code 4g} (binary units) to bytes. */
    static long parseSize(final String text) throws UsageException {
        final String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})([kmg]?)b?").matcher(t);
        if (!m.matches()) {
            throw new UsageException("sluice run: --max-state-memory must be a size like 512m or 4g, not '" + text + "'");
        }
        final long n = Long.parseLong(m.group(1));
        final int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new UsageException("sluice run: --max-state-memory must be positive and below 8 EiB, not '" + text + "'");
        }
        return n << shift;
    }

    private static Writer openOutput(final Path path) throws UsageException {
        try {
            return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UsageException("sluice run: cannot write --output " + path + ": " + e.getMessage());
        }
    }
}
