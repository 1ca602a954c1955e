package io.sluice.compiler.fuzz;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.golden.Changelog;
import io.sluice.compiler.golden.CsvTable;
import io.sluice.compiler.golden.TableComparison;
import io.sluice.compiler.golden.ValueType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * Differential test: random schemas, data and queries (see {@link FuzzCase} and {@link ExprGen} for
 * what is generated), each run through Sluice at batch sizes 1, 3 and 4096 and through DuckDB;
 * the results must be equal (DOUBLE within {@link io.sluice.compiler.golden.ValueComparison#RELATIVE_TOLERANCE}
 * relative, NaN equal to NaN, -0.0 equal to 0.0; changelogs are applied first). Where Sluice stops
 * with a data error (overflow, division by zero, failing cast), DuckDB must fail as well, or, for
 * a BIGINT overflow in SUM or AVG, DuckDB must find a running sum outside BIGINT.
 *
 * <p>A fixed seed runs {@value #TRIES} cases; {@code -Dsluice.fuzz.tries=N} runs N, and
 * {@code -Dsluice.fuzz.seed=S} another seed (see {@link FuzzSettings}). A failure is shrunk and
 * printed as a query.sql, an in.csv and the DuckDB script: a golden case in the making.
 *
 * <p>Each case runs on 1 and 3 partitions, at batch sizes 1, 3 and 4096, and with both twins
 * (SIMD and {@code --no-simd}).
 */
@AddLifecycleHook(FuzzSettings.class)
class DifferentialFuzzTest {
    static final int TRIES = 1000;
    /**
     * Every case runs in each of these: row at a time, tiny batches spread over 3 partitions, the
     * default batch size with each twin (whose outputs must then be identical, byte for byte).
     */
    static final List<SluiceRun.Config> RUNS = List.of(new SluiceRun.Config(1, 1, true),
        new SluiceRun.Config(3, 3, true), new SluiceRun.Config(4096, 1, true), new SluiceRun.Config(4096, 1, false));

    /** A one-line data error of Sluice's decided arithmetic and cast semantics. */
    private static final Pattern DATA_ERROR = Pattern.compile(
        "in\\.csv:\\d+: ((BIGINT|INT) overflow in .+|division by zero in .+|cannot cast .+ to (BIGINT|INT|DOUBLE) in .+)");

    private static DuckDb duck;
    private static Path dir;
    private static final Map<String, Integer> STATS = new TreeMap<>();

    @BeforeContainer
    static void start() throws SQLException, IOException {
        duck = new DuckDb();
        dir = Files.createTempDirectory("sluice-fuzz");
    }

    @AfterContainer
    static void stop() throws SQLException, IOException {
        duck.close();
        try (var files = Files.list(dir)) {
            for (final Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
        System.out.println("differential fuzz outcomes: " + STATS);
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        // uniform sizes: jqwik would otherwise scale them with the number of tries
        final Arbitrary<List<Integer>> choices = Arbitraries.integers().between(0, 1 << 20)
            .withDistribution(RandomDistribution.uniform()).list().ofMinSize(0).ofMaxSize(300)
            .withSizeDistribution(RandomDistribution.uniform());
        final Arbitrary<List<List<Long>>> rows = Arbitraries.longs().between(0, Long.MAX_VALUE)
            .withDistribution(RandomDistribution.uniform()).list().ofSize(8).list().ofMaxSize(80)
            .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(choices, rows).as(FuzzCase::generate);
    }

    @Property(tries = TRIES, seed = "7")
    void sluiceAgreesWithDuckDb(@ForAll("cases") final FuzzCase fc) throws Exception {
        SluiceRun.write(dir, fc.queryFile(), fc.csv());
        final String[] compileError = new String[1];
        final CompiledQuery compiled = SluiceRun.compile(dir, compileError);
        if (compiled == null) {
            fail("Sluice rejected a query within the supported grammar: " + compileError[0]);
        }
        final List<SluiceRun.Outcome> outcomes = new ArrayList<>();
        for (final SluiceRun.Config run : RUNS) {
            outcomes.add(SluiceRun.run(dir, compiled, run));
        }
        final SluiceRun.Outcome simd = outcomes.get(2);
        final SluiceRun.Outcome scalar = outcomes.get(3);
        if (!simd.csv().equals(scalar.csv()) || !java.util.Objects.equals(simd.dataError(), scalar.dataError())) {
            fail("the scalar twin differs from the SIMD twin at batch size 4096\nSIMD (" + simd.dataError() + "):\n"
                + simd.csv() + "scalar (" + scalar.dataError() + "):\n" + scalar.csv());
        }
        duck.load(fc.table);
        final DuckDb.Result expected = duck.query(fc.duckQuery);
        if (expected.error() != null && !isDataError(expected.error())) {
            fail("DuckDB rejected the generated query (a generator bug): " + expected.error());
        }
        boolean overflowExpected = false;
        for (final String check : fc.overflowChecks) {
            final DuckDb.Result r = duck.query(check);
            if (r.error() != null && !isDataError(r.error())) {
                fail("DuckDB rejected the generated overflow check (a generator bug): " + r.error());
            }
            // an error here (the argument fails, say a cast) shows no overflow: it is an error of the
            // query itself when DuckDB's query failed too (handled as such below, where Calcite may
            // have simplified the failing operand away, as in x AND FALSE), and when DuckDB's query
            // did not fail, DuckDB's plan for it skipped the operand that the check's plan evaluated
            overflowExpected |= r.error() == null && !r.table().rows().getFirst().getFirst().equals("0");
        }
        final boolean duckFails = expected.error() != null || overflowExpected;

        final SluiceRun.Outcome first = outcomes.getFirst();
        boolean skippedErrors = false;
        boolean skippedByDuck = false;
        for (int k = 0; k < outcomes.size(); k++) {
            final SluiceRun.Outcome o = outcomes.get(k);
            final SluiceRun.Config run = RUNS.get(k);
            if (o.compileError() != null) {
                fail(run + ": " + o.compileError());
            }
            if (o.dataError() != null || first.dataError() != null) {
                // on several partitions, which of several failing rows fails first is a race: any of them will do
                final boolean sameError = o.dataError() != null && (o.dataError().equals(first.dataError())
                    || run.partitions() > 1 && first.dataError() != null);
                if (!sameError) {
                    fail("the error depends on how the query runs: " + RUNS.getFirst() + ": " + first.dataError() + "; "
                        + run + ": " + o.dataError());
                }
                if (!DATA_ERROR.matcher(o.dataError()).matches()) {
                    fail("Sluice failed with an unexpected message: " + o.dataError());
                }
                if (!duckFails) {
                    // DuckDB skips an operand it does not need (the other one is a NULL it knows of
                    // while binding, or for a whole vector); Sluice evaluates both. Sluice's error is
                    // right if an operation of its kind fails, in DuckDB, on the row it names.
                    if (!failsOnTheRowNamed(fc, o.dataError())) {
                        fail("Sluice failed but DuckDB did not, and no operation of that kind fails in DuckDB on that "
                            + "row: " + o.dataError() + "\nDuckDB's result:\n" + expected.table().render());
                    }
                    skippedByDuck = true;
                }
                continue;
            }
            if (overflowExpected) {
                fail("a running BIGINT sum leaves BIGINT but Sluice did not fail (" + run + ")"
                    + "\nSluice's result:\n" + o.csv());
            }
            if (expected.error() != null) {
                // Calcite may simplify a failing operation away when its value cannot matter, as in
                // (x / 0) IS NULL for a NOT NULL x: then Sluice's result is DuckDB's with that
                // operation giving any value, say 0 (the lenient query)
                final DuckDb.Result lenient = duck.query(fc.lenientQuery);
                if (lenient.error() != null) {
                    fail("DuckDB failed but Sluice did not (" + run + "): " + expected.error()
                        + "\nand the lenient query failed too: " + lenient.error() + "\nSluice's result:\n" + o.csv());
                }
                final Optional<String> diff = difference(lenient, o, run);
                if (diff.isPresent()) {
                    fail("DuckDB failed but Sluice did not (" + run + "): " + expected.error()
                        + "\nand Sluice's result is not DuckDB's with failing operations giving 0:\n" + diff.get());
                }
                skippedErrors = true;
                continue;
            }
            difference(expected, o, run).ifPresent(d -> fail(d));
        }
        count(fc.label() + (skippedByDuck ? " Sluice failed, DuckDB skipped the failing operand"
            : first.dataError() != null ? " both failed"
            : skippedErrors ? " compared, an error simplified away" : " compared"));
        if (first.dataError() == null && expected.error() == null && expected.table().rows().isEmpty()) {
            count(fc.label() + " compared, empty result");
        }
    }

    /** How Sluice's result differs from DuckDB's (a changelog is applied first), if it does. */
    private static Optional<String> difference(final DuckDb.Result expected, final SluiceRun.Outcome o,
                                               final SluiceRun.Config run) {
        CsvTable actual = CsvTable.parse(o.csv(), "Sluice's result");
        if (o.changelog()) {
            try {
                actual = Changelog.apply(actual);
            } catch (final Changelog.ChangelogException e) {
                return Optional.of(run + ": the changelog is not well formed: " + e.getMessage()
                    + "\n" + o.csv());
            }
        }
        for (int c = 0; c < o.types().size(); c++) {
            final ValueType s = o.types().get(c);
            final ValueType d = expected.types().get(c);
            if (s != d) {
                return Optional.of("column " + actual.header().get(c) + ": Sluice gives " + s + ", DuckDB " + d);
            }
        }
        return TableComparison.compare(expected.table(), actual, o.types())
            .map(diff -> run + ": Sluice and DuckDB disagree (expected = DuckDB)\n" + diff);
    }

    private static final Pattern ROW_ERROR = Pattern.compile("in\\.csv:(\\d+): (.*)");

    /** True if an operation of the kind {@code message} names fails in DuckDB on the row it names. */
    private static boolean failsOnTheRowNamed(final FuzzCase fc, final String message) {
        final Matcher m = ROW_ERROR.matcher(message);
        if (!m.matches()) {
            return false;
        }
        fc.csv(); // the lines rows start on
        final int row = fc.table.rowLines.indexOf(Integer.parseInt(m.group(1)));
        final String reason = m.group(2);
        if (reason.matches("BIGINT overflow in (SUM|AVG)\\(.*")) {
            return false; // the running sums alone say whether that is right
        }
        final ExprGen.Failure kind = reason.contains("overflow") ? ExprGen.Failure.OVERFLOW
            : reason.startsWith("division by zero") ? ExprGen.Failure.DIVISION_BY_ZERO : ExprGen.Failure.CAST;
        for (final ExprGen.Failing f : fc.failing) {
            if (f.kind() == kind && row >= 0) {
                final DuckDb.Result r = duck.query("SELECT " + f.duck() + " FROM " + fc.rowSource + " WHERE __rn = " + row);
                if (r.error() != null && isDataError(r.error())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** DuckDB's errors for values (overflow, division by zero, casts): not binder or parser errors. */
    private static boolean isDataError(final String message) {
        return message.contains("Out of Range Error") || message.contains("Conversion Error")
            || message.contains("Invalid Input Error");
    }

    private static synchronized void count(final String key) {
        STATS.merge(key, 1, Integer::sum);
    }
}
