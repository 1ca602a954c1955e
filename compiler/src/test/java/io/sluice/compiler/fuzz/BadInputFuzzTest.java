package io.sluice.compiler.fuzz;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.cli.SluiceCli;
import io.sluice.compiler.golden.CsvTable;
import io.sluice.compiler.golden.GoldenCorpus;
import io.sluice.compiler.golden.TableComparison;
import io.sluice.compiler.golden.ValueType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input must end cleanly: mutated SQL (tokens dropped, swapped, repeated or inserted, odd
 * characters, cut short, invalid UTF-8) through the compile API and through {@code sluice run},
 * and mutated CSV (rows cut short, extra fields, broken quotes, invalid UTF-8, huge fields, binary
 * junk) through {@code sluice run}. Every case ends within a time bound either with a result or
 * with a clean error: {@link CompileException} with a one-line message from the API; from the CLI,
 * exit 1 or 2 and exactly one line on stderr, never an uncaught exception, a stack trace,
 * "Exception" or "internal error".
 *
 * <p>A mutated CSV that Sluice accepts must give the right rows: {@link ReferenceCsv} reads the
 * file independently (an RFC 4180 split of its own, the README's rules for the values) and says
 * which rows Sluice must produce, or that it must fail; with {@code --on-bad-row skip} the
 * malformed rows are left out instead.
 *
 * <p>Seeds are fixed; {@code -Dsluice.fuzz.tries=N} and {@code -Dsluice.fuzz.seed=S} change them.
 */
@AddLifecycleHook(FuzzSettings.class)
class BadInputFuzzTest {
    private static final Duration TIME_BOUND = Duration.ofSeconds(30);
    private static final Path CORPUS = GoldenCorpus.locate();
    private static final Map<String, Integer> STATS = new TreeMap<>();
    private static Path dir;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("sluice-bad-input");
    }

    @AfterContainer
    static void stop() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        System.out.println("bad-input fuzz outcomes: " + STATS);
    }

    // ================================================================== SQL

    /** The corpus' query files, the SQL seeds of the mutations. */
    private static final List<Path> QUERIES = GoldenCorpus.cases(CORPUS).stream()
        .map(c -> c.resolve(GoldenCorpus.QUERY)).toList();

    private static final Pattern TOKEN = Pattern.compile(
        "'(?:[^']|'')*'|`(?:[^`]|``)*`|\"(?:[^\"]|\"\")*\"|--[^\\n]*|[A-Za-z_][A-Za-z0-9_$]*"
            + "|[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\s+|.", Pattern.DOTALL);

    /** Tokens and characters mutations insert. */
    private static final List<String> VOCABULARY = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING",
        "CREATE", "TABLE", "WITH", "WATERMARK", "FOR", "AS", "INTERVAL", "TUMBLE", "DESCRIPTOR", "CAST", "CASE",
        "WHEN", "THEN", "ELSE", "END", "NULL", "NOT", "AND", "OR", "IN", "BETWEEN", "IS", "TRUE", "EMIT", "CHANGES",
        "FINAL", "COUNT", "SUM", "MIN", "MAX", "AVG", "ORDER", "JOIN", "OVER", "HOP", "SESSION", "DISTINCT", "UNION",
        "LIMIT", "EXTRACT", "||", "(", ")", ",", ";", "*", "/", "%", "+", "-", "=", "<>", "<", ">=", ".", "'", "\"",
        "`", "'it''s'", "''", "?", ":", "@", "$", "#", "\\", "/*", "*/", "--", "\n", "\t", "\u0000", "\r", "é", "中",
        "😀", "\uFEFF", "9223372036854775808", "-1", "0", "1.5", "1e999", "'2024-01-01 00:00:00'", "BIGINT", "INT",
        "DOUBLE", "VARCHAR", "BOOLEAN", "TIMESTAMP(3)", "TIMESTAMP(9)", "DECIMAL(10,2)", "ARRAY", "MAP", "ROW",
        "value", "stream", "window_start", "window_end", "ts", "qty", "t", "x".repeat(300));

    /** A mutation: what to do, where, and with what (indices are taken modulo what they index). */
    record Mutation(int op, int where, int what) {
    }

    private static Arbitrary<List<Mutation>> mutations(final int maxOps) {
        final Arbitrary<Integer> any = Arbitraries.integers().between(0, Integer.MAX_VALUE)
            .withDistribution(RandomDistribution.uniform());
        return Combinators.combine(Arbitraries.integers().between(0, 9), any, any).as(Mutation::new)
            .list().ofMinSize(1).ofMaxSize(maxOps);
    }

    /** A query text from the corpus with token-level and character-level mutations. */
    record MutatedSql(Path seed, String sql, List<Mutation> mutations) {
        @Override
        public String toString() {
            return "\nseed: " + CORPUS.relativize(seed) + "\nmutations: " + mutations + "\n==== mutated query.sql ====\n"
                + sql + "\n==== (end) ====";
        }
    }

    @Provide
    Arbitrary<MutatedSql> mutatedSql() {
        return Combinators.combine(Arbitraries.of(QUERIES), mutations(6)).as((seed, ms) -> {
            final String text;
            try {
                text = Files.readString(seed, StandardCharsets.UTF_8);
            } catch (final IOException e) {
                throw new IllegalStateException(e);
            }
            return new MutatedSql(seed, mutate(text, ms), ms);
        });
    }

    static String mutate(final String text, final List<Mutation> ms) {
        final List<String> tokens = new ArrayList<>();
        final Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        for (final Mutation mu : ms) {
            if (tokens.isEmpty()) {
                tokens.add(VOCABULARY.get(mu.what() % VOCABULARY.size()));
                continue;
            }
            final int at = mu.where() % tokens.size();
            final int other = mu.what() % tokens.size();
            switch (mu.op()) {
                case 0, 1 -> tokens.remove(at); // drop a token
                case 2 -> { // swap two tokens
                    final String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case 3 -> tokens.add(at, tokens.get(other)); // repeat a token elsewhere
                case 4, 5 -> tokens.add(at, VOCABULARY.get(mu.what() % VOCABULARY.size())); // insert a token
                case 6 -> tokens.set(at, VOCABULARY.get(mu.what() % VOCABULARY.size())); // replace a token
                case 7 -> { // a random character inside a token
                    final String t = tokens.get(at);
                    final int p = mu.what() % (t.length() + 1);
                    tokens.set(at, t.substring(0, p) + (char) (mu.what() % 0x3000) + t.substring(p));
                }
                case 8 -> { // cut the text short
                    tokens.subList(at, tokens.size()).clear();
                }
                default -> { // drop a character
                    final String t = tokens.get(at);
                    if (!t.isEmpty()) {
                        final int p = mu.what() % t.length();
                        tokens.set(at, t.substring(0, p) + t.substring(p + 1));
                    }
                }
            }
        }
        return String.join("", tokens);
    }

    @Property(tries = 400, seed = "11")
    void mutatedSqlCompilesOrFailsWithAOneLineMessage(@ForAll("mutatedSql") final MutatedSql q) {
        final String outcome = assertTimeoutPreemptively(TIME_BOUND, () -> {
            try {
                SluiceCompiler.compile(q.sql());
                return "compiled";
            } catch (final CompileException e) {
                assertOneLineMessage(e.getMessage());
                assertThat(e.line()).as("line of: %s", e.getMessage()).isGreaterThanOrEqualTo(0);
                return "compile error";
            }
        });
        count("SQL via API: " + outcome);
    }

    @Property(tries = 150, seed = "12")
    void mutatedSqlThroughTheCliEndsCleanly(@ForAll("mutatedSql") final MutatedSql q,
                                            @ForAll("bytesToCorrupt") final List<Mutation> byteMutations)
        throws IOException {
        final Path caseDir = dir.resolve("sql-cli");
        copyCase(q.seed().getParent(), caseDir);
        byte[] bytes = q.sql().getBytes(StandardCharsets.UTF_8);
        if (!byteMutations.isEmpty() && byteMutations.getFirst().op() == 0) {
            bytes = mutateBytes(bytes, byteMutations.subList(0, 1)); // sometimes invalid UTF-8 or junk
        }
        Files.write(caseDir.resolve(GoldenCorpus.QUERY), bytes);
        // a side-output case's late rows go to the case's folder, not the working directory
        final Cli r = sluice("run", caseDir.resolve(GoldenCorpus.QUERY).toString(), "--output",
            caseDir.resolve("out.csv").toString(), "--late-output", caseDir.resolve("late.csv").toString());
        count("SQL via CLI: exit " + r.exit());
    }

    @Provide
    Arbitrary<List<Mutation>> bytesToCorrupt() {
        return mutations(1);
    }

    @Example
    void chainsTooLongForTheStackAreACompileError() {
        final String table = "CREATE TABLE t (a BIGINT) WITH ('path' = 'in.csv');\n";
        for (final String query : List.of(
            "SELECT " + String.join(" + ", java.util.Collections.nCopies(5000, "a")) + " FROM t",
            "SELECT a FROM t WHERE " + String.join(" OR ", java.util.Collections.nCopies(3000, "a = 1")))) {
            final CompileException e = assertTimeoutPreemptively(TIME_BOUND,
                () -> org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                    () -> SluiceCompiler.compile(table + query)));
            assertOneLineMessage(e.getMessage());
            assertThat(e.reason()).isEqualTo(io.sluice.compiler.parser.SluiceSqlParser.TOO_DEEP);
        }
    }

    // ================================================================== CSV

    private static final List<ReferenceCsv.Column> COLUMNS = List.of(
        new ReferenceCsv.Column("b", FuzzType.BIGINT, true), new ReferenceCsv.Column("i", FuzzType.INT, true),
        new ReferenceCsv.Column("d", FuzzType.DOUBLE, true), new ReferenceCsv.Column("s", FuzzType.VARCHAR, true),
        new ReferenceCsv.Column("f", FuzzType.BOOLEAN, true), new ReferenceCsv.Column("ts", FuzzType.TIMESTAMP, true),
        new ReferenceCsv.Column("n", FuzzType.BIGINT, false));

    private static final String CSV_QUERY = """
        CREATE TABLE t (
          b  BIGINT,
          i  INT,
          d  DOUBLE,
          s  VARCHAR,
          f  BOOLEAN,
          ts TIMESTAMP(3),
          n  BIGINT NOT NULL
        ) WITH ('format' = 'csv', 'path' = 'in.csv');

        SELECT * FROM t;
        """;

    /** A valid file for the table above, then mutated bytes. */
    record MutatedCsv(byte[] original, byte[] bytes, List<Mutation> mutations, boolean skip, int batchSize) {
        @Override
        public String toString() {
            return "\nmutations: " + mutations + "\n" + (skip ? "--on-bad-row skip, " : "") + "--batch-size " + batchSize
                + "\n==== query.sql ====\n" + CSV_QUERY + "==== mutated in.csv (as ISO-8859-1) ====\n"
                + new String(bytes.length > 4000 ? Arrays.copyOf(bytes, 4000) : bytes, StandardCharsets.ISO_8859_1)
                + (bytes.length > 4000 ? "... (" + bytes.length + " bytes)" : "") + "\n==== (end) ====";
        }
    }

    @Provide
    Arbitrary<MutatedCsv> mutatedCsv() {
        final Arbitrary<List<List<Long>>> rows = Arbitraries.longs().between(0, Long.MAX_VALUE)
            .withDistribution(RandomDistribution.uniform()).list().ofSize(COLUMNS.size()).list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(rows, mutations(4), Arbitraries.of(false, true), Arbitraries.of(1, 3, 4096))
            .as((seeds, ms, skip, batch) -> {
                final List<FuzzTable.Column> columns = new ArrayList<>();
                for (final ReferenceCsv.Column c : COLUMNS) {
                    columns.add(new FuzzTable.Column(c.name(), c.type(), c.nullable()));
                }
                final List<Integer> order = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    order.add(i);
                }
                final FuzzTable table = new FuzzTable("t", columns, -1, 0, order, false);
                for (final List<Long> row : seeds) {
                    table.addRow(row, true, 1000);
                }
                final byte[] original = table.csv().getBytes(StandardCharsets.UTF_8);
                return new MutatedCsv(original, mutateBytes(original, ms), ms, skip, batch);
            });
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}};

    static byte[] mutateBytes(final byte[] original, final List<Mutation> ms) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = original;
        for (final Mutation mu : ms) {
            final int at = b.length == 0 ? 0 : mu.where() % (b.length + 1);
            final byte[] insert;
            switch (mu.op()) {
                case 0 -> insert = INVALID_UTF8[mu.what() % INVALID_UTF8.length];
                case 1 -> insert = new byte[] {','}; // an extra field
                case 2 -> insert = new byte[] {'"'}; // a broken quote
                case 3 -> { // a huge field, up to 2 MB
                    final int n = (int) Math.min(2_000_000, Math.pow(10, 1 + mu.what() % 7));
                    final byte[] h = new byte[n];
                    Arrays.fill(h, (byte) "x9 \"é,".charAt(mu.what() % 6));
                    insert = h;
                }
                case 4 -> { // binary junk
                    final byte[] j = new byte[1 + mu.what() % 24];
                    long x = mu.what();
                    for (int i = 0; i < j.length; i++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                        j[i] = (byte) (x >>> 56);
                    }
                    insert = j;
                }
                case 5 -> insert = new String[] {"\n", "\r", "\r\n", "\u0000"}[mu.what() % 4].getBytes(StandardCharsets.UTF_8);
                case 6 -> { // cut the file short
                    b = Arrays.copyOf(b, at);
                    continue;
                }
                case 7 -> { // drop a run of bytes (rows cut short, fields merged)
                    final int len = Math.min(b.length - at, 1 + mu.what() % 16);
                    final byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                    continue;
                }
                case 8 -> { // replace a byte
                    if (at < b.length) {
                        b = b.clone();
                        b[at] = (byte) mu.what();
                    }
                    continue;
                }
                default -> insert = new String[] {" ", "\"\"", ",,", "NaN", "-", "2024-13-01 00:00:00", "9223372036854775808",
                    "\uFEFF"}[mu.what() % 8].getBytes(StandardCharsets.UTF_8);
            }
            out.reset();
            out.write(b, 0, at);
            out.writeBytes(insert);
            out.write(b, at, b.length - at);
            b = out.toByteArray();
        }
        return b;
    }

    @Property(tries = 300, seed = "13")
    void mutatedCsvGivesTheRightRowsOrACleanError(@ForAll("mutatedCsv") final MutatedCsv input) throws IOException {
        final Path caseDir = dir.resolve("csv");
        Files.createDirectories(caseDir);
        Files.writeString(caseDir.resolve(GoldenCorpus.QUERY), CSV_QUERY, StandardCharsets.UTF_8);
        Files.write(caseDir.resolve("in.csv"), input.bytes());
        final Path output = caseDir.resolve("out.csv");
        Files.deleteIfExists(output);
        final List<String> args = new ArrayList<>(List.of("run", caseDir.resolve(GoldenCorpus.QUERY).toString(),
            "--output", output.toString(), "--batch-size", Integer.toString(input.batchSize())));
        if (input.skip()) {
            args.addAll(List.of("--on-bad-row", "skip", "--rejects", caseDir.resolve("rejects.csv").toString()));
        }
        final Cli r = sluice(args.toArray(String[]::new));

        List<ReferenceCsv.Row> rows = null;
        String fileError = null;
        try {
            rows = ReferenceCsv.read(input.bytes(), COLUMNS);
        } catch (final ReferenceCsv.FileError e) {
            fileError = e.getMessage();
        }
        if (fileError != null) {
            assertThat(r.exit()).as("the file cannot be read (%s), yet Sluice: %s", fileError, r.err()).isEqualTo(1);
            count("CSV: unreadable file");
            return;
        }
        final Optional<ReferenceCsv.Row> bad = rows.stream().filter(row -> row.problem() != null).findFirst();
        if (bad.isPresent() && !input.skip()) {
            assertThat(r.exit()).as("a row is malformed (%s), yet Sluice: %s", bad.get().problem(), r.err()).isEqualTo(1);
            count("CSV: malformed row, run stopped");
            return;
        }
        assertThat(r.exit()).as("every row can be read (or is skipped), yet Sluice: %s", r.err()).isZero();
        final List<List<String>> expectedRows = new ArrayList<>();
        for (final ReferenceCsv.Row row : rows) {
            if (row.problem() == null) {
                expectedRows.add(row.cells());
            }
        }
        final List<String> header = COLUMNS.stream().map(ReferenceCsv.Column::name).toList();
        final CsvTable actual = CsvTable.parse(Files.readString(output, StandardCharsets.UTF_8), "Sluice's output");
        final Optional<String> diff = TableComparison.compare(CsvTable.of(header, expectedRows), actual,
            header.stream().map(h -> ValueType.STRING).toList());
        if (diff.isPresent()) {
            fail("Sluice's rows differ from the reference reading of the file:\n" + diff.get());
        }
        if (input.skip()) {
            final long rejected = rows.size() - expectedRows.size();
            assertThat(r.err()).as("summary").contains(rejected + " rejected");
        }
        count(bad.isPresent() ? "CSV: malformed rows skipped, right rows" : "CSV: right rows");
    }

    @Example
    void aRecordLongerThan64MiBStopsTheRunWithOneLine() throws IOException {
        final Path caseDir = dir.resolve("huge");
        Files.createDirectories(caseDir);
        Files.writeString(caseDir.resolve(GoldenCorpus.QUERY), CSV_QUERY, StandardCharsets.UTF_8);
        final byte[] field = new byte[65 << 20];
        Arrays.fill(field, (byte) 'x');
        try (var out = Files.newOutputStream(caseDir.resolve("in.csv"))) {
            out.write("b,i,d,s,f,ts,n\n1,2,3.0,".getBytes(StandardCharsets.US_ASCII));
            out.write(field);
            out.write(",true,0,7\n".getBytes(StandardCharsets.US_ASCII));
        }
        final Cli r = sluice("run", caseDir.resolve(GoldenCorpus.QUERY).toString(), "--output",
            caseDir.resolve("out.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).endsWith("in.csv:2: record longer than 64 MiB");
        Files.delete(caseDir.resolve("in.csv"));
    }

    // ================================================================== helpers

    record Cli(int exit, String out, String err) {
    }

    /** Runs the CLI within the time bound and checks the outcome is clean. */
    static Cli sluice(final String... args) {
        final Cli r = assertTimeoutPreemptively(TIME_BOUND, () -> {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int exit = SluiceCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Cli(exit, out.toString(), err.toString());
        });
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isIn(0, 1, 2);
        if (r.exit() != 0) {
            assertOneLineMessage(r.err().strip());
            assertThat(r.err()).as("stderr").endsWith("\n");
        }
        assertThat(r.err()).as("stderr").doesNotContain("Exception").doesNotContain("internal error")
            .doesNotContain("\tat ");
        return r;
    }

    static void assertOneLineMessage(final String message) {
        assertThat(message).as("message").isNotBlank().doesNotContain("\n").doesNotContain("\r")
            .doesNotContain("Exception").doesNotContain("internal error");
    }

    private static void copyCase(final Path from, final Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(to)) {
            for (final Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (final Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    private static synchronized void count(final String key) {
        STATS.merge(key, 1, Integer::sum);
    }
}
