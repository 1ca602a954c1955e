package io.sluice.compiler.fuzz;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.cli.QueryFile;
import io.sluice.runtime.cli.UsageException;
import io.sluice.compiler.golden.ValueType;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.sink.CsvSink;
import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.type.Column;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a query file through Sluice as {@code sluice run} would, in one {@link Config}. */
final class SluiceRun {
    /** What came out: the CSV text and column classes, or a compile error, or a data error. */
    record Outcome(String csv, List<ValueType> types, boolean changelog, String compileError, String dataError) {
    }

    private SluiceRun() {
    }

    /** Writes {@code query.sql} and {@code in.csv} into {@code dir}. */
    static void write(final Path dir, final String queryFile, final String csv) throws IOException {
        Files.writeString(dir.resolve("query.sql"), queryFile, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("in.csv"), csv, StandardCharsets.UTF_8);
    }

    /** Compiles the query in {@code dir}; null result means a compile error, in {@code error[0]}. */
    static CompiledQuery compile(final Path dir, final String[] error) {
        try {
            return QueryFile.read(dir.resolve("query.sql"), "query.sql").compile();
        } catch (final UsageException e) {
            error[0] = e.getMessage();
            return null;
        }
    }

    /** One way of running a query: batch size, partitions, and which twin of the kernel. */
    record Config(int batchSize, int partitions, boolean simd) {
        @Override
        public String toString() {
            return "batch size " + batchSize + ", " + partitions + " partition(s), " + (simd ? "SIMD" : "scalar") + " twin";
        }
    }

    static Outcome run(final Path dir, final CompiledQuery compiled, final Config config) throws IOException {
        final List<ValueType> types = new ArrayList<>();
        for (final Column c : compiled.output().columns()) {
            types.add(switch (c.type()) {
                case INT, BIGINT -> ValueType.INTEGER;
                case DOUBLE -> ValueType.DOUBLE;
                case BOOLEAN -> ValueType.BOOLEAN;
                case TIMESTAMP -> ValueType.TIMESTAMP;
                case VARCHAR -> ValueType.STRING;
            });
        }
        final StringWriter out = new StringWriter();
        try {
            final SourceSpec source = QueryFile.read(dir.resolve("query.sql"), "query.sql").source(compiled, java.util.List.of());
            final io.sluice.runtime.sink.CsvOutput output = new io.sluice.runtime.sink.CsvOutput(out, "result",
                compiled.output(), compiled.changelog());
            try {
                QueryRunner.run(source, compiled.kernels(), compiled.spec().routing(),
                    io.sluice.runtime.kernel.LatePolicy.DROP,
                    new RunOptions(config.batchSize(), config.partitions(), BadRowPolicy.FAIL, dir.resolve("rejects.csv"),
                        MemoryBudget.DEFAULT_LIMIT).withSimd(config.simd()),
                    p -> output.partitionSink(), io.sluice.runtime.kernel.LateRowSink.NONE,
                    io.sluice.runtime.exec.RunProgress.NONE);
            } finally {
                output.close();
            }
        } catch (final DataException e) {
            return new Outcome(out.toString(), types, compiled.changelog(), null, e.getMessage());
        } catch (final UsageException e) {
            return new Outcome(out.toString(), types, compiled.changelog(), e.getMessage(), null);
        }
        return new Outcome(out.toString(), types, compiled.changelog(), null, null);
    }
}
