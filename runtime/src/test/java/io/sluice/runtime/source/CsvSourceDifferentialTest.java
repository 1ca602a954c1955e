package io.sluice.runtime.source;

import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.source.CsvTestSupport.Read;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test: random VARCHAR tables written as CSV (by the small writer below, which quotes
 * only when it must or when a coin says so, and mixes LF, CRLF and CR line ends and blank lines) are
 * decoded by {@link CsvSource} and by Apache Commons CSV; both must give back the table.
 *
 * <p>Commons CSV reports an unquoted empty field as {@code null} and a quoted one as {@code ""} when
 * its quote mode is {@link QuoteMode#ALL_NON_NULL} (checked by {@link #commonsCsvTellsQuotedEmptyFromUnquotedEmpty}),
 * so NULL and the empty string are compared exactly, not folded together.
 *
 * <p>In a one-column table a NULL row is a blank line: there CsvSource reads a blank line as a
 * row, so the writer adds no blank lines of its own to one-column tables, and always ends a NULL
 * last row with its line end. Commons CSV skips (some of) those lines whatever its settings, so a
 * one-column table with NULLs is checked against the table alone.
 */
class CsvSourceDifferentialTest {
    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setQuoteMode(QuoteMode.ALL_NON_NULL)
        .setIgnoreEmptyLines(true)
        .get();

    /** Text pieces values are made of: separators, quotes, line breaks, spaces, multi-byte characters. */
    private static final String[] PIECES = {"a", "b", "Zz", "0", "42", " ", ",", "\"", "\"\"", "\r", "\n", "\r\n",
        "é", "€", "東京", "😀", "\t", "x,y", "'"};

    /** A table and the choices the writer makes for it. */
    record Table(int columns, List<List<String>> rows, long writerSeed, int batchCapacity) {
    }

    @Provide
    Arbitrary<Table> tables() {
        final Arbitrary<String> text = Arbitraries.of(PIECES).list().ofMaxSize(6).map(l -> String.join("", l));
        return Arbitraries.integers().between(1, 5).flatMap(columns -> {
            final Arbitrary<String> value = text.injectNull(0.25);
            final Arbitrary<List<List<String>>> rows = value.list().ofSize(columns).list().ofMaxSize(25);
            return Combinators.combine(rows, Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                .as((r, seed, capacity) -> new Table(columns, r, seed, capacity));
        });
    }

    @Property(tries = 200, seed = "4181", shrinking = ShrinkingMode.BOUNDED)
    void csvSourceAndCommonsCsvBothReadBackTheTable(@ForAll("tables") final Table table) throws IOException {
        final List<Integer> recordStarts = new ArrayList<>();
        final String csv = write(table, recordStarts);

        final List<String> names = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        for (int c = 0; c < table.columns(); c++) {
            names.add("c" + c);
            columns.add(new Column("c" + c, SqlType.VARCHAR, true));
        }
        final Schema schema = new Schema(columns);

        // CsvSource
        final Path file = Files.createTempFile("sluice-diff", ".csv");
        final Read read;
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            final StringDictionary dictionary = new StringDictionary();
            try (CsvSource src = new CsvSource(file, "t.csv", schema, dictionary, -1, 0, BadRowPolicy.FAIL, RejectedRows.NONE)) {
                read = CsvTestSupport.readAll(src, schema, dictionary, table.batchCapacity());
            }
        } finally {
            Files.deleteIfExists(file);
        }

        // Commons CSV
        final List<List<String>> commons = new ArrayList<>();
        try (CSVParser parser = COMMONS.parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).isEqualTo(names);
            for (final CSVRecord record : parser) {
                final List<String> row = new ArrayList<>();
                for (int c = 0; c < record.size(); c++) {
                    row.add(record.get(c));
                }
                commons.add(row);
            }
        }

        final List<List<Object>> sluice = read.rows;
        final boolean blankLineRows = table.columns() == 1 && table.rows().stream().anyMatch(r -> r.getFirst() == null);
        if (!blankLineRows) {
            assertThat(commons).as("Commons CSV reads the table back").isEqualTo(table.rows());
        }
        assertThat(sluice).as("CsvSource reads the table back, as Commons CSV does").isEqualTo(table.rows());
        final List<Long> expectedLines = new ArrayList<>();
        for (final int start : recordStarts) {
            expectedLines.add(lineAt(csv, start));
        }
        assertThat(read.lines).as("line of each record").isEqualTo(expectedLines);
    }

    /** Writes the table; {@code recordStarts} receives the char offset where each data record starts. */
    static String write(final Table table, final List<Integer> recordStarts) {
        final Random random = new Random(table.writerSeed());
        final String[] mixed = {"\n", "\r\n", "\r"};
        // one-column: one kind of line end per file, or a lone CR then a NULL row's LF would read as CRLF
        final String[] ends = table.columns() == 1 ? new String[] {mixed[random.nextInt(3)]} : mixed;
        final StringBuilder sb = new StringBuilder();
        for (int c = 0; c < table.columns(); c++) {
            sb.append(c == 0 ? "" : ",");
            field(sb, "c" + c, random);
        }
        sb.append(ends[random.nextInt(ends.length)]);
        for (int r = 0; r < table.rows().size(); r++) {
            while (table.columns() > 1 && random.nextInt(6) == 0) {
                sb.append(ends[random.nextInt(ends.length)]); // a blank line (in a one-column file: a NULL row)
            }
            recordStarts.add(sb.length());
            final List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                sb.append(c == 0 ? "" : ",");
                field(sb, row.get(c), random);
            }
            final boolean last = r == table.rows().size() - 1;
            final boolean blank = table.columns() == 1 && row.getFirst() == null;
            if (!last || blank || random.nextBoolean()) {
                sb.append(ends[random.nextInt(ends.length)]);
            }
        }
        return sb.toString();
    }

    /** NULL is an empty unquoted field; "" and text with , " CR LF are quoted; other text sometimes. */
    private static void field(final StringBuilder sb, final String value, final Random random) {
        if (value == null) {
            return;
        }
        final boolean mustQuote = value.isEmpty() || value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        if (mustQuote || random.nextInt(4) == 0) {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(value);
        }
    }

    /** 1-based line of char offset {@code at}: LF, CRLF and a lone CR each end a line. */
    static long lineAt(final String text, final int at) {
        long line = 1;
        for (int i = 0; i < at; i++) {
            final char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    @Example
    void commonsCsvTellsQuotedEmptyFromUnquotedEmpty() throws IOException {
        try (CSVParser parser = COMMONS.parse(new StringReader("a,b,c\n,\"\",x\n"))) {
            final CSVRecord record = parser.iterator().next();
            assertThat(record.get(0)).isNull();
            assertThat(record.get(1)).isEqualTo("");
            assertThat(record.get(2)).isEqualTo("x");
        }
    }

    @Example
    void writerQuotesWhatItMust() {
        final Table t = new Table(3, List.of(java.util.Arrays.asList(null, "", "a\"b,c\r\n")), 1, 1);
        final String csv = write(t, new ArrayList<>());
        assertThat(csv).contains(",\"\",\"a\"\"b,c\r\n\"");
    }

    static {
        // fail loudly, not with a confusing NoClassDefFoundError in the middle of a property, if the
        // class path ever carries a commons-io too old for commons-csv
        try {
            CSVFormat.RFC4180.parse(new StringReader("a\n1\n")).close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
