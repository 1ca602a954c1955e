package io.sluice.runtime.sink;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSinkTest {
    private static final Schema SCHEMA = Schema.of(
        new Column("symbol", SqlType.VARCHAR, true),
        new Column("n", SqlType.BIGINT, true),
        new Column("i", SqlType.INT, true),
        new Column("avg", SqlType.DOUBLE, true),
        new Column("ok", SqlType.BOOLEAN, true),
        new Column("window_start", SqlType.TIMESTAMP, true));

    private final StringWriter out = new StringWriter();

    private static ResultRow row(final String s, final Long n, final Long i, final Double d, final Boolean b, final Long ts) {
        final ResultRow r = new ResultRow(SCHEMA);
        r.setString(0, s); // null sets NULL
        if (n == null) r.setNull(1); else r.setLong(1, n);
        if (i == null) r.setNull(2); else r.setLong(2, i);
        if (d == null) r.setNull(3); else r.setDouble(3, d);
        if (b == null) r.setNull(4); else r.setBoolean(4, b);
        if (ts == null) r.setNull(5); else r.setLong(5, ts);
        return r;
    }

    @Test
    void writesTheHeaderFirst() {
        new CsvSink(out, "out.csv", SCHEMA, false).close();
        assertThat(out.toString()).isEqualTo("symbol,n,i,avg,ok,window_start\n");
    }

    @Test
    void writesEachTypeInItsFormat() {
        final long ts = Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli();
        try (CsvSink sink = new CsvSink(out, "out.csv", SCHEMA, false)) {
            sink.accept(row("AAPL", -42L, 7L, 1.5, true, ts));
            sink.accept(row("B", Long.MIN_VALUE, -2147483648L, 1e10, false, -1L));
            sink.accept(row("C", 0L, 0L, Double.NaN, true, 0L));
            sink.accept(row("D", 1L, 1L, Double.NEGATIVE_INFINITY, false, 0L));
            sink.accept(row("E", 1L, 1L, -0.0, false, 0L));
            sink.accept(row("F", 1L, 1L, 0.1 + 0.2, false, 0L));
            assertThat(sink.rows()).isEqualTo(6);
        }
        assertThat(out.toString()).isEqualTo("symbol,n,i,avg,ok,window_start\n"
            + "AAPL,-42,7,1.5,true,2024-02-29 23:59:59.999\n"
            + "B,-9223372036854775808,-2147483648,1.0E10,false,1969-12-31 23:59:59.999\n"
            + "C,0,0,NaN,true,1970-01-01 00:00:00.000\n"
            + "D,1,1,-Infinity,false,1970-01-01 00:00:00.000\n"
            + "E,1,1,-0.0,false,1970-01-01 00:00:00.000\n"
            + "F,1,1,0.30000000000000004,false,1970-01-01 00:00:00.000\n");
    }

    @Test
    void nullIsAnEmptyFieldAndTheEmptyStringIsQuoted() {
        try (CsvSink sink = new CsvSink(out, "out.csv", SCHEMA, false)) {
            sink.accept(row(null, null, null, null, null, null));
            sink.accept(row("", 1L, null, null, null, null));
        }
        assertThat(out.toString()).endsWith("\n,,,,,\n\"\",1,,,,\n");
    }

    @Test
    void quotesTextWithCommaQuoteCrOrLf() {
        final String[] values = {"a,b", "say \"hi\"", "cr\rhere", "lf\nhere", "crlf\r\n", "\"", "plain text", " padded ", "é€😀"};
        try (CsvSink sink = new CsvSink(out, "out.csv", SCHEMA, false)) {
            for (final String v : values) {
                sink.accept(row(v, 1L, 1L, 1.0, true, 0L));
            }
        }
        final String text = out.toString();
        assertThat(text).contains("\n\"a,b\",1,").contains("\n\"say \"\"hi\"\"\",1,").contains("\n\"cr\rhere\",1,")
            .contains("\n\"lf\nhere\",1,").contains("\n\"crlf\r\n\",1,").contains("\n\"\"\"\",1,")
            .contains("\nplain text,1,").contains("\n padded ,1,").contains("\né€😀,1,");
        // and a standard reader gets every value back, NULL and "" apart
        final List<String> read = new ArrayList<>();
        for (final CSVRecord r : parse(text)) {
            read.add(r.get("symbol"));
        }
        assertThat(read).containsExactly(values);
    }

    @Test
    void headerNamesAreQuotedWhenTheyMustBe() {
        final Schema odd = Schema.of(new Column("a,b", SqlType.BIGINT, true), new Column("q\"", SqlType.BIGINT, true));
        new CsvSink(out, "out.csv", odd, false).close();
        assertThat(out.toString()).isEqualTo("\"a,b\",\"q\"\"\"\n");
    }

    @Test
    void changelogStartsWithAnOpColumn() {
        final Schema s = Schema.of(new Column("k", SqlType.VARCHAR, true), new Column("c", SqlType.BIGINT, true));
        try (CsvSink sink = new CsvSink(out, "out.csv", s, true)) {
            final ResultRow r = new ResultRow(s);
            r.setString(0, "x");
            r.setLong(1, 1);
            sink.accept(r.kind(RowKind.INSERT));
            sink.accept(r.kind(RowKind.UPDATE_BEFORE));
            r.setLong(1, 2);
            sink.accept(r.kind(RowKind.UPDATE_AFTER));
            r.setNull(0);
            sink.accept(r.kind(RowKind.DELETE));
        }
        assertThat(out.toString()).isEqualTo("op,k,c\n+I,x,1\n-U,x,1\n+U,x,2\n-D,,2\n");
    }

    @Test
    void aChangelogOfOneColumnStillSeparatesOpFromTheValue() {
        final Schema s = Schema.of(new Column("k", SqlType.VARCHAR, true));
        try (CsvSink sink = new CsvSink(out, "out.csv", s, true)) {
            final ResultRow r = new ResultRow(s);
            r.setString(0, null);
            sink.accept(r);
        }
        assertThat(out.toString()).isEqualTo("op,k\n+I,\n");
    }

    @Test
    void writeFailureIsADataExceptionNamingTheOutput() {
        final Writer broken = new Writer() {
            @Override
            public void write(final char[] cbuf, final int off, final int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new CsvSink(broken, "out.csv", SCHEMA, false))
            .isInstanceOf(DataException.class)
            .hasMessage("out.csv: cannot write output: disk full");
    }

    @Test
    void closeFlushesAndClosesTheWriter() {
        final boolean[] closed = new boolean[1];
        final StringWriter target = new StringWriter() {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        new CsvSink(target, "out.csv", SCHEMA, false).close();
        assertThat(closed[0]).isTrue();
    }

    private static List<CSVRecord> parse(final String text) {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setQuoteMode(QuoteMode.ALL_NON_NULL).get().parse(new StringReader(text))) {
            return p.getRecords();
        } catch (final IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void resultRowComparesValuesBitForBit() {
        final ResultRow a = row("x", 1L, 2L, Double.NaN, true, 5L);
        final ResultRow b = row("x", 1L, 2L, Double.NaN, true, 5L);
        assertThat(a.sameValues(b)).isTrue();
        b.setDouble(3, -0.0);
        a.setDouble(3, 0.0);
        assertThat(a.sameValues(b)).isFalse();
        final ResultRow c = row(null, 1L, 2L, 0.0, true, 5L);
        assertThat(a.sameValues(c)).isFalse();
        assertThat(Arrays.asList(RowKind.values())).extracting(RowKind::shortName).containsExactly("+I", "-U", "+U", "-D");
    }
}
