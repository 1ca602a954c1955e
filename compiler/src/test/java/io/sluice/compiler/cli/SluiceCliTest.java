package io.sluice.compiler.cli;

import io.sluice.compiler.golden.GoldenCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sluice command line as a user meets it: exit codes, one-line errors, help, output files. */
class SluiceCliTest {
    private static final Path CORPUS = GoldenCorpus.locate();

    private record Run(int exit, String out, String err) {
    }

    private static Run sluice(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = SluiceCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String query(final String caseName) {
        return CORPUS.resolve(caseName).resolve("query.sql").toString();
    }

    @Test
    void runWritesTheResultAndASummary(@TempDir final Path tmp) throws Exception {
        final Path output = tmp.resolve("out.csv");
        final Run r = sluice("run", query("example-trades-ohlc"), "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // windows fire in order; rows within a window may come in any order
        assertThat(Files.readAllLines(output)).containsExactlyInAnyOrderElementsOf(
            Files.readAllLines(CORPUS.resolve("example-trades-ohlc/expected.csv")));
        assertThat(r.err()).contains("rows in").contains("rows out").contains("1 late").contains("rows/s");
    }

    @Test
    void finalTableTurnsAGroupByChangelogIntoItsFinalTable(@TempDir final Path tmp) throws Exception {
        final Path changelog = tmp.resolve("changelog.csv");
        final Path table = tmp.resolve("table.csv");
        final Run changes = sluice("run", query("groupby-final-table"), "--output", changelog.toString());
        final Run last = sluice("run", query("groupby-final-table"), "--final-table", "--partitions", "3",
            "--output", table.toString());
        assertThat(changes.exit()).as(changes.err()).isZero();
        assertThat(last.exit()).as(last.err()).isZero();
        assertThat(Files.readAllLines(changelog).get(0)).startsWith("op,");
        assertThat(Files.readAllLines(table)).containsExactlyInAnyOrderElementsOf(
            Files.readAllLines(CORPUS.resolve("groupby-final-table/expected.csv")));
        final Run explain = sluice("explain", query("groupby-final-table"), "--final-table");
        assertThat(explain.out()).doesNotContain("as a changelog");
        assertThat(sluice("explain", query("groupby-final-table")).out()).contains("as a changelog");
    }

    @Test
    void inputFlagOverridesTheTablePath(@TempDir final Path tmp) throws Exception {
        final Path data = tmp.resolve("other.csv");
        Files.writeString(data, "symbol,qty,ts\nZZZ,5,2024-01-01 10:00:00\n");
        final Path output = tmp.resolve("out.csv");
        final Run r = sluice("run", query("tumble-count-by-symbol"), "--input", "trades=" + data, "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(output)).contains("ZZZ,2024-01-01 10:00:00.000,2024-01-01 10:01:00.000,1,5");
    }

    @Test
    void severalPartitionsGiveTheSameRowsAndAPerPartitionTableAndJsonMetrics(@TempDir final Path tmp) throws Exception {
        final Path output = tmp.resolve("out.csv");
        final Path metrics = tmp.resolve("metrics.json");
        final Run r = sluice("run", query("example-trades-ohlc"), "--partitions", "3", "--output", output.toString(),
            "--metrics-json", metrics.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(output)).containsExactlyInAnyOrderElementsOf(
            Files.readAllLines(CORPUS.resolve("example-trades-ohlc/expected.csv")));
        assertThat(r.err()).contains("partition").contains("rows in").contains("watermark")
            .contains("(read 42 = rejected 0 + processed 42)");
        assertThat(Files.readString(metrics)).contains("\"rows_read\": 42").contains("\"rows_late\": 1")
            .contains("\"partition\": 2").contains("\"batch_latency_micros\"");
    }

    @Test
    void repeatedInputsReadSeveralFilesOfOneTable(@TempDir final Path tmp) throws Exception {
        final Path a = tmp.resolve("a.csv");
        final Path b = tmp.resolve("b.csv");
        Files.writeString(a, "symbol,qty,ts\nAAA,1,2024-01-01 10:00:00\nAAA,2,2024-01-01 10:00:30\n");
        Files.writeString(b, "symbol,qty,ts\nAAA,4,2024-01-01 10:00:10\n");
        final Path output = tmp.resolve("out.csv");
        final Run r = sluice("run", query("tumble-count-by-symbol"), "--input", "trades=" + a, "--input", "trades=" + b,
            "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(output)).contains("AAA,2024-01-01 10:00:00.000,2024-01-01 10:01:00.000,3,7");
    }

    @Test
    void sqlErrorsExitWithTwoAndOneLine() {
        final Run r = sluice("run", query("error-syntax"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("query.sql:12:16: unexpected 'FROM'; expected an expression");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void dataErrorsExitWithOneAndOneLine(@TempDir final Path tmp) {
        final Run r = sluice("run", query("error-csv-bad-number"), "--output", tmp.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("in.csv:3:6: not a BIGINT: '1O' (column 'qty')");
    }

    @Test
    void skipPolicyCountsBadRowsAndWritesThemToTheRejectsFile(@TempDir final Path tmp) throws Exception {
        final Path rejects = tmp.resolve("rejects.csv");
        final Path output = tmp.resolve("out.csv");
        final Run r = sluice("run", query("error-csv-bad-number"), "--on-bad-row", "skip", "--rejects", rejects.toString(),
            "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 rejected").contains("rejected rows written to");
        assertThat(Files.readString(rejects)).startsWith("file,line,column,reason,row\n").contains(",3,6,").contains("1O");
        assertThat(Files.readAllLines(output)).hasSize(Files.readAllLines(CORPUS.resolve("error-csv-bad-number/in.csv")).size() - 1);
    }

    @Test
    void malformedQuotingIsSkippedWithItsLineAndReadingGoesOnAtTheNextLine(@TempDir final Path tmp) throws Exception {
        final Path rejects = tmp.resolve("rejects.csv");
        final Path output = tmp.resolve("out.csv");
        final Run r = sluice("run", query("bad-rows-quoting-skipped"), "--on-bad-row", "skip", "--rejects",
            rejects.toString(), "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 rejected");
        final String file = CORPUS.resolve("bad-rows-quoting-skipped/in.csv").toString(); // as the query names it
        assertThat(Files.readString(rejects).replace(file, "in.csv")).isEqualTo("""
            file,line,column,reason,row
            "in.csv",3,5,"unexpected character after closing quote (expected ',' or end of line)","\"\"MS\"\"FT,1"
            "in.csv",6,1,"unterminated quoted field (no closing '\"\"' before end of file)","\"\"GOOG,3"
            """);
        assertThat(Files.readAllLines(output)).containsExactly("symbol,qty", "AAPL,10", "\"IBM", "CORP\",4", "MSFT,6");
    }

    @Test
    void stateBeyondMaxStateMemoryStopsWithOneLineNamingTheLimitAndTheFlag(@TempDir final Path tmp) throws Exception {
        final StringBuilder csv = new StringBuilder("k\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(tmp.resolve("keys.csv"), csv);
        final Path query = tmp.resolve("q.sql");
        Files.writeString(query, """
            CREATE TABLE t (k BIGINT) WITH ('path' = 'keys.csv');
            SELECT k, COUNT(*) AS n FROM t GROUP BY k""");
        final Run r = sluice("run", query.toString(), "--max-state-memory", "1m", "--output", tmp.resolve("o.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n")
            .endsWith("group state needs more than the state memory limit of 1 MiB (raise it with --max-state-memory)");
        // the default limit holds the same groups
        final Run ok = sluice("run", query.toString(), "--output", tmp.resolve("o.csv").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("o.csv"))).hasSize(1 + 200_000);
    }

    @Test
    void missingQueryFileIsAUsageError() {
        final Run r = sluice("run", "no/such/query.sql");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("no/such/query.sql: query file not found");
    }

    @Test
    void badFlagsAreUsageErrorsOnOneLine() {
        for (final String[] args : new String[][] {
            {"run", query("example-trades-ohlc"), "--batch-size", "0"},
            {"run", query("example-trades-ohlc"), "--batch-size", "many"},
            {"run", query("example-trades-ohlc"), "--on-bad-row", "ignore"},
            {"run", query("example-trades-ohlc"), "--bogus"},
            {"run", query("example-trades-ohlc"), "--input", "nosuchtable=x.csv"},
            {"run", query("example-trades-ohlc"), "--input", "trades"},
            {"run", query("example-trades-ohlc"), "--partitions", "0"},
            {"run", query("example-trades-ohlc"), "--idle-timeout", "soon"},
            {"run", query("example-trades-ohlc"), "--max-state-memory", "lots"},
            {"run"},
            {"frobnicate"},
        }) {
            final Run r = sluice(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).isNotEmpty().doesNotContain("\n");
        }
    }

    @Test
    void helpAndVersion() {
        final Run help = sluice("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--on-bad-row").contains("--batch-size").contains("--output").contains("--final-table");
        final java.io.PrintStream stderr = System.err;
        final java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (final String command : new String[] {"run", "compile", "explain", "test", "gen"}) {
                final Run r = sluice(command, "--help");
                assertThat(r.exit()).isZero();
                assertThat(r.out()).as(command).startsWith("Usage: sluice " + command);
            }
        } finally {
            System.setErr(stderr);
        }
        // picocli warns on stderr about a description it cannot format (an unescaped %)
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
        final Run top = sluice("--help");
        assertThat(top.out()).contains("run").contains("explain").contains("test");
        final Run version = sluice("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("sluice ");
    }

    @Test
    void explainShowsPlanKernelAndSource() {
        final Run r = sluice("explain", query("example-trades-ohlc"), "--source");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("== Logical plan ==").contains("LogicalAggregate").contains("TUMBLE")
            .contains("== Kernel ==").contains("WINDOW_AGGREGATE")
            .contains("== Generated Java ==").contains("public final class WindowAggregateKernel_");
    }

    @Test
    void testCommandPassesTheCorpus() {
        final Run r = sluice("test", CORPUS.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains(" passed, 0 failed");
    }
}
