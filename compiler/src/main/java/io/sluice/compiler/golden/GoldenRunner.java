package io.sluice.compiler.golden;

import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.cli.QueryFile;
import io.sluice.runtime.cli.UsageException;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.exec.LateRowsFile;
import io.sluice.runtime.exec.RunProgress;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.sink.CsvOutput;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs golden cases (see test-corpus/README.md): each case once per batch size in
 * {@link #BATCH_SIZES}, comparing the result with {@code expected.csv} — as a multiset of rows, or
 * for changelogs exactly at batch size 1 and by the table they build at other sizes — or the error
 * message with {@code expected-error.txt}.
 */
public final class GoldenRunner {
    /** Batch sizes every case runs with: row at a time, an odd size that splits windows, the default. */
    public static final List<Integer> BATCH_SIZES = List.of(1, 7, RunOptions.DEFAULT_BATCH_SIZE);
    /** Partition counts every case runs with: inline on one thread, and four worker threads. */
    public static final List<Integer> PARTITIONS = List.of(1, 4);
    /**
     * Batch sizes at which the scalar twin ({@code --no-simd}) runs too, on one partition, and must
     * give byte for byte the output of the SIMD twin: a size that leaves vector tails, and the default.
     */
    public static final List<Integer> TWIN_BATCH_SIZES = List.of(7, RunOptions.DEFAULT_BATCH_SIZE);

    private GoldenRunner() {
    }

    /** Outcome of a set of cases. */
    public record Report(int passed, int failed) {
    }

    /** Outcome of one case: empty when it passed, else what differed. */
    public record Outcome(Path caseDir, Optional<String> failure) {
        public boolean passed() {
            return failure.isEmpty();
        }
    }

    /** Runs {@code dir} (a case, or a folder of cases), printing a line per case. */
    public static Report runAll(final Path dir, final PrintWriter out) {
        final List<Path> cases = Files.isRegularFile(dir.resolve(GoldenCorpus.QUERY)) ? List.of(dir)
            : GoldenCorpus.cases(dir);
        int passed = 0;
        int failed = 0;
        for (final Path c : cases) {
            final Outcome outcome = runCase(c);
            if (outcome.passed()) {
                passed++;
                out.println("PASS " + c.getFileName());
            } else {
                failed++;
                out.println("FAIL " + c.getFileName() + ": " + outcome.failure().get().replace("\n", "\n    "));
            }
            out.flush();
        }
        return new Report(passed, failed);
    }

    /** Runs one case in every configuration. */
    public static Outcome runCase(final Path caseDir) {
        try {
            final Path expectedError = caseDir.resolve(GoldenCorpus.EXPECTED_ERROR);
            if (Files.isRegularFile(expectedError)) {
                return new Outcome(caseDir, checkError(caseDir, Files.readString(expectedError, StandardCharsets.UTF_8).strip()));
            }
            final CsvTable expected = CsvTable.read(caseDir.resolve(GoldenCorpus.EXPECTED));
            for (final int partitions : PARTITIONS) {
                for (final int batchSize : BATCH_SIZES) {
                    final Result r = run(caseDir, batchSize, partitions, true);
                    final String config = "batch size " + batchSize + ", " + partitions + " partition(s)";
                    if (r.error != null) {
                        return new Outcome(caseDir, Optional.of(config + ": failed with: " + r.error));
                    }
                    final Optional<String> diff = compare(expected, r, batchSize);
                    if (diff.isPresent()) {
                        return new Outcome(caseDir, Optional.of(config + ": " + diff.get()));
                    }
                    if (partitions == 1 && TWIN_BATCH_SIZES.contains(batchSize)) {
                        final Result scalar = run(caseDir, batchSize, partitions, false);
                        if (!Objects.equals(scalar.error, r.error) || !scalar.csv.equals(r.csv)) {
                            return new Outcome(caseDir, Optional.of(config + ": the scalar twin (--no-simd) differs"
                                + " from the SIMD twin\nSIMD:\n" + r.csv + "scalar:\n" + scalar.csv
                                + (scalar.error == null ? "" : "scalar failed with: " + scalar.error)));
                        }
                    }
                }
            }
            return new Outcome(caseDir, Optional.empty());
        } catch (final IOException | RuntimeException e) {
            return new Outcome(caseDir, Optional.of("runner error: " + e));
        }
    }

    private static Optional<String> checkError(final Path caseDir, final String expected) throws IOException {
        for (final int partitions : PARTITIONS) {
            final Optional<String> failure = checkError(caseDir, expected, partitions);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkError(final Path caseDir, final String expected, final int partitions)
        throws IOException {
        for (final boolean simd : partitions == 1 ? List.of(true, false) : List.of(true)) {
            final Result r = run(caseDir, RunOptions.DEFAULT_BATCH_SIZE, partitions, simd);
            final String twin = simd ? "" : " (scalar twin, --no-simd)";
            if (r.error == null) {
                return Optional.of("expected the error\n  " + expected + "\nbut the query ran and produced" + twin + ":\n"
                    + r.csv);
            }
            if (!r.error.equals(expected)) {
                return Optional.of("error message differs" + twin + "\n  expected: " + expected + "\n  actual:   "
                    + r.error);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compare(final CsvTable expected, final Result r, final int batchSize) {
        final CsvTable actual = CsvTable.parse(r.csv, "result");
        final List<ValueType> types = new ArrayList<>();
        for (final Column c : r.schema.columns()) {
            types.add(switch (c.type()) {
                case INT, BIGINT -> ValueType.INTEGER;
                case DOUBLE -> ValueType.DOUBLE;
                case BOOLEAN -> ValueType.BOOLEAN;
                case TIMESTAMP -> ValueType.TIMESTAMP;
                case VARCHAR -> ValueType.STRING;
            });
        }
        if (!r.changelog) {
            return TableComparison.compare(expected, actual, types);
        }
        if (!expected.isChangelog()) {
            return Optional.of("the query emits a changelog but expected.csv has no op column");
        }
        if (batchSize == 1 && r.partitions == 1) {
            // one row at a time on one partition the changelog is fully determined: compare it row by row
            final List<ValueType> withOp = new ArrayList<>();
            withOp.add(ValueType.STRING);
            withOp.addAll(types);
            final boolean same = expected.rows().size() == actual.rows().size() && expected.header().size() == actual.header().size()
                && rowsEqual(expected.rows(), actual.rows(), withOp);
            if (!same) {
                return Optional.of("changelog differs (compared in order)\nexpected:\n" + expected.render()
                    + "actual:\n" + actual.render());
            }
        }
        final CsvTable applied;
        try {
            applied = Changelog.apply(actual);
        } catch (final Changelog.ChangelogException e) {
            return Optional.of("the changelog is not well formed: " + e.getMessage() + "\n" + actual.render());
        }
        return TableComparison.compare(expected, applied, types);
    }

    private static boolean rowsEqual(final List<List<String>> a, final List<List<String>> b, final List<ValueType> types) {
        for (int i = 0; i < a.size(); i++) {
            if (!TableComparison.rowsEqual(a.get(i), b.get(i), types)) {
                return false;
            }
        }
        return true;
    }

    private record Result(String csv, Schema schema, boolean changelog, String error, int partitions) {
    }

    /** Runs the case's query as {@code sluice run} would, from the case folder. */
    private static Result run(final Path caseDir, final int batchSize, final int partitions, final boolean simd)
        throws IOException {
        final Properties props = new Properties();
        final Path optionsFile = caseDir.resolve("options.properties");
        if (Files.isRegularFile(optionsFile)) {
            try (var in = Files.newBufferedReader(optionsFile)) {
                props.load(in);
            }
        }
        final BadRowPolicy policy = "skip".equals(props.getProperty("on-bad-row")) ? BadRowPolicy.SKIP : BadRowPolicy.FAIL;
        final Path rejects = Files.createTempFile("sluice-golden-rejects", ".csv");
        final Path lateRows = Files.createTempFile("sluice-golden-late", ".csv");
        try {
            final QueryFile file = QueryFile.read(caseDir.resolve(GoldenCorpus.QUERY), GoldenCorpus.QUERY);
            final CompiledQuery compiled = file.compile(new CompileOptions(Boolean.parseBoolean(props.getProperty("final-table"))));
            final SourceSpec source;
            try {
                source = file.source(compiled, List.of());
            } catch (final DataException e) {
                return new Result("", compiled.output(), compiled.changelog(), e.getMessage(), partitions);
            }
            final StringWriter out = new StringWriter();
            final CsvOutput output = new CsvOutput(out, "result", compiled.output(), compiled.changelog());
            final RunOptions options = new RunOptions(batchSize, partitions, policy, rejects, MemoryBudget.DEFAULT_LIMIT,
                idleTimeout(props), RunOptions.DEFAULT_QUEUE_CAPACITY, simd);
            try (LateRowsFile late = new LateRowsFile(lateRows)) {
                QueryRunner.run(source, compiled.kernels(), compiled.spec().routing(), LatePolicy.DROP, options,
                    p -> output.partitionSink(), late, RunProgress.NONE);
            } catch (final DataException e) {
                output.close();
                return new Result(out.toString(), compiled.output(), compiled.changelog(), e.getMessage(), partitions);
            }
            output.close();
            return new Result(out.toString(), compiled.output(), compiled.changelog(), null, partitions);
        } catch (final UsageException e) {
            return new Result("", null, false, e.getMessage(), partitions);
        } finally {
            Files.deleteIfExists(rejects);
            Files.deleteIfExists(lateRows);
        }
    }

    /** The case's {@code idle-timeout} option ({@code --idle-timeout}), in milliseconds. */
    private static long idleTimeout(final Properties props) throws UsageException {
        final String text = props.getProperty("idle-timeout");
        return text == null ? 0 : io.sluice.runtime.cli.RunCli.parseDuration("idle-timeout", text);
    }
}
