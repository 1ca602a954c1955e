package io.sluice.runtime.source;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.sink.CsvSink;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.source.CsvTestSupport.Read;
import io.sluice.runtime.source.CsvTestSupport.RejectList;
import io.sluice.runtime.source.CsvTestSupport.Rejected;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.sluice.runtime.source.CsvTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceTest {
    private static final String FILE = "in.csv";
    private static final int READ_BUFFER = 1 << 20;

    @TempDir
    Path dir;

    private final StringDictionary dictionary = new StringDictionary();

    // ---------------------------------------------------------------- helpers

    private static Column col(final String name, final SqlType type) {
        return new Column(name, type, true);
    }

    private static Column notNull(final String name, final SqlType type) {
        return new Column(name, type, false);
    }

    private Path file(final String content) throws IOException {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path bytes(final byte[] content) throws IOException {
        final Path p = Files.createTempFile(dir, "csv", ".csv");
        Files.write(p, content);
        return p;
    }

    private CsvSource open(final Path p, final Schema schema) {
        return new CsvSource(p, FILE, schema, dictionary, -1, 0, BadRowPolicy.FAIL, RejectedRows.NONE);
    }

    private Read read(final String content, final Schema schema) throws IOException {
        return read(content, schema, 4096);
    }

    private Read read(final String content, final Schema schema, final int capacity) throws IOException {
        try (CsvSource src = open(file(content), schema)) {
            return CsvTestSupport.readAll(src, schema, dictionary, capacity);
        }
    }

    /** The message of the DataException reading {@code content} with FAIL policy throws. */
    private String failure(final String content, final Schema schema) throws IOException {
        return failure(file(content), schema);
    }

    private String failure(final Path p, final Schema schema) {
        final Throwable[] thrown = new Throwable[1];
        try (CsvSource src = open(p, schema)) {
            CsvTestSupport.readAll(src, schema, dictionary, 4096);
        } catch (final DataException e) {
            thrown[0] = e;
        }
        assertThat(thrown[0]).as("reading should fail with a DataException").isInstanceOf(DataException.class);
        return thrown[0].getMessage();
    }

    private static final Schema ID_NAME = Schema.of(col("id", SqlType.BIGINT), col("name", SqlType.VARCHAR));
    private static final Schema TWO_TEXT = Schema.of(col("a", SqlType.VARCHAR), col("b", SqlType.VARCHAR));

    // ---------------------------------------------------------------- header

    @Nested
    class Header {
        @Test
        void columnsAreMatchedByNameIgnoringCaseInAnyOrder() throws IOException {
            final Read r = read("NAME,Id\nx,1\ny,2\n", ID_NAME);
            assertThat(r.rows).containsExactly(row(1L, "x"), row(2L, "y"));
        }

        @Test
        void extraHeaderColumnsAreIgnoredWhateverTheyHold() throws IOException {
            final Read r = read("junk,id,more,name,tail\nnot-a-number,1,\"q,\"\"\",x,\n", ID_NAME);
            assertThat(r.rows).containsExactly(row(1L, "x"));
        }

        @Test
        void missingColumnIsAnErrorAtTheHeaderNamingTheColumn() throws IOException {
            assertThat(failure("id,nam\n1,x\n", ID_NAME))
                .isEqualTo("in.csv:1:1: header has no column 'name' (header: id,nam)");
        }

        @Test
        void headerAfterBlankLinesIsPositionedOnItsOwnLine() throws IOException {
            assertThat(failure("\n\r\nid\n1\n", ID_NAME)).startsWith("in.csv:3:1: header has no column 'name'");
            final Read r = read("\n\nname,id\nx,1\n", ID_NAME);
            assertThat(r.rows).containsExactly(row(1L, "x"));
            assertThat(r.lines).containsExactly(4L);
        }

        @Test
        void columnNamedTwiceIsAnErrorAtTheSecondOne() throws IOException {
            assertThat(failure("id,name,ID\n1,x,2\n", ID_NAME))
                .isEqualTo("in.csv:1:9: column 'ID' appears twice in the header");
        }

        @Test
        void emptyFileIsAnError() throws IOException {
            assertThat(failure("", ID_NAME)).startsWith("in.csv:1:1: empty file");
        }

        @Test
        void missingFileIsAnErrorNamingIt() {
            assertThatThrownBy(() -> open(dir.resolve("nope.csv"), ID_NAME))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("in.csv: input file not found");
        }

        @Test
        void headerOnlyFileHasNoRows() throws IOException {
            assertThat(read("id,name\n", ID_NAME).rows).isEmpty();
            assertThat(read("id,name", ID_NAME).rows).isEmpty();
        }
    }

    // ---------------------------------------------------------------- NULL and quoting

    @Nested
    class NullsAndQuoting {
        @Test
        void emptyUnquotedFieldIsNullAndQuotedEmptyIsEmptyString() throws IOException {
            final Schema s = Schema.of(col("a", SqlType.VARCHAR), col("b", SqlType.VARCHAR), col("c", SqlType.BIGINT));
            final Read r = read("a,b,c\n,\"\",\n\"\",,5\n", s);
            assertThat(r.rows).containsExactly(row(null, "", null), row("", null, 5L));
        }

        @Test
        void quotedFieldsKeepCommasAndUndoubleQuotes() throws IOException {
            final Read r = read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"\"\"\",\",\"\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("x,y", "say \"hi\""), row("\"", ","));
        }

        @Test
        void quotedFieldsKeepLfCrlfAndCrAndLaterRowsKeepTheirLineNumbers() throws IOException {
            final String csv = "a,b\n"
                + "1,\"line1\nline2\"\n"      // line 2-3
                + "2,\"x\r\ny\"\n"            // line 4-5
                + "3,\"p\rq\"\n"              // line 6-7 (a lone CR is a line end, inside quotes too)
                + "4,\"\n\n\"\n"              // line 8-10
                + "5,z\n";                    // line 11
            final Read r = read(csv, TWO_TEXT);
            assertThat(r.rows).containsExactly(
                row("1", "line1\nline2"), row("2", "x\r\ny"), row("3", "p\rq"), row("4", "\n\n"), row("5", "z"));
            assertThat(r.lines).containsExactly(2L, 4L, 6L, 8L, 11L);
        }

        @Test
        void quotedNumbersAreNumbers() throws IOException {
            final Read r = read("id,name\n\"42\",\"x\"\n", ID_NAME);
            assertThat(r.rows).containsExactly(row(42L, "x"));
        }

        @Test
        void utf8MultiByteStringsSurvive() throws IOException {
            final String s1 = "Grüße, Zoë";
            final String s2 = "€ 5 — 東京 😀";
            final Read r = read("a,b\n\"" + s1 + "\"," + s2 + "\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row(s1, s2));
        }

        @Test
        void varcharKeepsSurroundingSpaces() throws IOException {
            final Read r = read("a,b\n  x ,\" y \"\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("  x ", " y "));
        }

        @Test
        void aQuoteAfterLeadingSpaceIsLiteralText() throws IOException {
            final Read r = read("a,b\nx, \"y\"\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("x", " \"y\""));
        }

        @Test
        void aQuoteInsideAnUnquotedFieldIsKeptLiterally() throws IOException {
            final Read r = read("a,b\nab\"c,d\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("ab\"c", "d"));
        }

        @Test
        void trailingEmptyFieldAtEndOfFileIsNull() throws IOException {
            final Read r = read("a,b\nx,", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("x", null));
        }

        @Test
        void quotedEmptyLastFieldAtEndOfFileIsEmptyString() throws IOException {
            final Read r = read("a,b\nx,\"\"", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("x", ""));
        }

        @Test
        void inAOneColumnFileABlankLineIsANullRow() throws IOException {
            final Schema s = Schema.of(col("v", SqlType.VARCHAR));
            // blank lines before the header are skipped; after it each line is a row
            final Read r = read("\nv\nx\n\n\"\"\r\n\r\ny\r\r\n", s);
            assertThat(r.rows).containsExactly(row("x"), row((Object) null), row(""), row((Object) null), row("y"),
                row((Object) null));
            assertThat(r.lines).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
            // the final line end ends the last row; it does not start another
            assertThat(read("v\n1\n", Schema.of(col("v", SqlType.BIGINT))).rows).containsExactly(row(1L));
            assertThat(read("v\n\n", Schema.of(col("v", SqlType.BIGINT))).rows).containsExactly(row((Object) null));
        }

        @Test
        void aOneColumnNullInANotNullColumnIsABadRowOnItsLine() throws IOException {
            assertThat(failure("v\n1\n\n", Schema.of(notNull("v", SqlType.BIGINT))))
                .isEqualTo("in.csv:3:1: NULL (empty field) in NOT NULL column 'v'");
        }

        @Test
        void oneColumnNullEmptyStringAndTextSurviveTheCsvSinkRoundTrip() throws IOException {
            final Schema s = Schema.of(col("v", SqlType.VARCHAR));
            final List<String> values = java.util.Arrays.asList("a", null, "", null, null, "x,y", "\"", "line\nbreak", null);
            final java.io.StringWriter text = new java.io.StringWriter();
            try (CsvSink sink = new CsvSink(text, "out.csv", s, false)) {
                final ResultRow out = new ResultRow(s);
                for (final String v : values) {
                    out.setString(0, v); // null sets NULL
                    sink.accept(out);
                }
            }
            assertThat(text.toString()).isEqualTo("v\na\n\n\"\"\n\n\n\"x,y\"\n\"\"\"\"\n\"line\nbreak\"\n\n");
            final Read r = read(text.toString(), s);
            final List<List<Object>> expected = new ArrayList<>();
            for (final String v : values) {
                expected.add(row(v));
            }
            assertThat(r.rows).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------- line ends

    @Nested
    class LineEnds {
        @Test
        void crlfLfAndLoneCrAllEndRecords() throws IOException {
            final Read r = read("a,b\r\n1,x\r\n2,y\n3,z\r4,w", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("1", "x"), row("2", "y"), row("3", "z"), row("4", "w"));
            assertThat(r.lines).containsExactly(2L, 3L, 4L, 5L);
        }

        @Test
        void blankLinesAreSkippedButCounted() throws IOException {
            // line 1 header, 2 blank, 3 row, 4 and 5 blank (CRLF), 6 blank (CR), 7 row, 8 and 9 blank
            final Read r = read("a,b\n\n1,x\n\r\n\r\n\r2,y\n\n\n", TWO_TEXT);
            assertThat(r.rows).containsExactly(row("1", "x"), row("2", "y"));
            assertThat(r.lines).containsExactly(3L, 7L);
        }

        @Test
        void crCrLfIsTwoLineEnds() throws IOException {
            final Read r = read("a,b\r\r\n1,x\r\r\n2,y\n", TWO_TEXT);
            assertThat(r.lines).containsExactly(3L, 5L);
        }
    }

    // ---------------------------------------------------------------- numbers and other types

    @Nested
    class Values {
        private final Schema all = Schema.of(col("b", SqlType.BIGINT), col("i", SqlType.INT), col("d", SqlType.DOUBLE),
            col("f", SqlType.BOOLEAN), col("t", SqlType.TIMESTAMP));

        @Test
        void numbersMayHaveSurroundingSpaces() throws IOException {
            final Read r = read("b,i,d,f,t\n  42 , 7,  -1.5 , true ,  2024-02-29 12:34:56.789 \n", all);
            assertThat(r.rows).containsExactly(row(42L, 7, -1.5, true, java.time.Instant.parse("2024-02-29T12:34:56.789Z").toEpochMilli()));
        }

        @Test
        void everyTypeDecodes() throws IOException {
            final Read r = read("b,i,d,f,t\n-9,-7,2.5,FALSE,1000\n,,,,\n", all);
            assertThat(r.rows).containsExactly(row(-9L, -7, 2.5, false, 1000L), row(null, null, null, null, null));
        }

        @Test
        void bigintAcceptsItsWholeRange() throws IOException {
            final Schema s = Schema.of(col("b", SqlType.BIGINT));
            final Read r = read("b\n9223372036854775807\n-9223372036854775808\n0\n-0\n", s);
            assertThat(r.rows).containsExactly(row(Long.MAX_VALUE), row(Long.MIN_VALUE), row(0L), row(0L));
        }

        @ParameterizedTest
        @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "99999999999999999999", "1.0", "12a",
            "-", "1 2", "0x10", "1e3"})
        void bigintOverflowAndJunkAreErrors(final String value) throws IOException {
            final Schema s = Schema.of(col("x", SqlType.VARCHAR), col("b", SqlType.BIGINT));
            assertThat(failure("x,b\nok,1\nab," + value + "\n", s))
                .isEqualTo("in.csv:3:4: not a BIGINT: '" + value + "' (column 'b')");
        }

        @Test
        void intAcceptsItsWholeRange() throws IOException {
            final Schema s = Schema.of(col("i", SqlType.INT));
            final Read r = read("i\n2147483647\n-2147483648\n", s);
            assertThat(r.rows).containsExactly(row(Integer.MAX_VALUE), row(Integer.MIN_VALUE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "-2147483649", "9223372036854775807", "1.5"})
        void intOutOfRangeIsAnError(final String value) throws IOException {
            final Schema s = Schema.of(col("i", SqlType.INT));
            assertThat(failure("i\n" + value + "\n", s)).isEqualTo("in.csv:2:1: not an INT: '" + value + "' (column 'i')");
        }

        @Test
        void doubleFormsDecodeToJavasValues() throws IOException {
            final Schema s = Schema.of(col("d", SqlType.DOUBLE));
            final String[] texts = {"1", "-1.5", "2e-3", "1E10", "NaN", "Infinity", "-Infinity", "0.1", "-0", "+3.25",
                ".5", "5.", "0.30000000000000004", "1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308",
                "9007199254740993", "123456789012345.67", "1.00000000000000011", "0.1000000000000000055511151231257827",
                "1e22", "1e23", "8.41e21", "3.0e-22", "123456789012345e-22", "999999999999999e22", "0.000001",
                "1e-400", "4.35"};
            final StringBuilder csv = new StringBuilder("d\n");
            for (final String t : texts) {
                csv.append(t).append('\n');
            }
            final Read r = read(csv.toString(), s);
            assertThat(r.rows).hasSize(texts.length);
            for (int i = 0; i < texts.length; i++) {
                final double expected = Double.parseDouble(texts[i]);
                assertThat(Double.doubleToRawLongBits((Double) r.rows.get(i).get(0)))
                    .as("'%s' should decode to %s", texts[i], expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
            }
            assertThat((Double) r.rows.get(7).get(0)).isEqualTo(0.1); // the literal, exactly
        }

        @Test
        void doublesAgreeBitForBitWithDoubleParseDoubleOnManyRandomTexts() throws IOException {
            final Random random = new Random(20261127L);
            final List<String> texts = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                final String t;
                switch (i % 5) {
                    case 0 -> t = Double.toString(Double.longBitsToDouble(random.nextLong())); // any bit pattern
                    case 1 -> t = new BigDecimal(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20))
                        .round(new MathContext(17)).toString(); // 17 significant digits
                    case 2 -> { // the fast path's region: up to 15 digits, exponent within +-22
                        final long mantissa = random.nextLong(1_000_000_000_000_000L);
                        t = mantissa + "e" + (random.nextInt(45) - 22);
                    }
                    case 3 -> { // decimals with a point
                        final long digits = random.nextLong(1_000_000_000_000_000_000L);
                        final String d = Long.toString(digits);
                        final int point = random.nextInt(d.length() + 1);
                        t = (random.nextBoolean() ? "-" : "") + d.substring(0, point) + "." + d.substring(point) + "0";
                    }
                    default -> t = Float.toString(Float.intBitsToFloat(random.nextInt())); // short, wide range
                }
                texts.add(t);
            }
            final StringBuilder csv = new StringBuilder("d\n");
            texts.forEach(t -> csv.append(t).append('\n'));
            final Read r = read(csv.toString(), Schema.of(col("d", SqlType.DOUBLE)), 333);
            assertThat(r.rows).hasSize(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                final double expected = Double.parseDouble(texts.get(i));
                assertThat(Double.doubleToRawLongBits((Double) r.rows.get(i).get(0)))
                    .as("'%s' should decode to %s", texts.get(i), expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.2.3", "abc", "1e", "e5", ".", "0x10", "0x1p3", "1d", "1f", "2.5F", "--1", "1e5x",
            "nan", "inf", "1,5"})
        void badDoublesAreErrors(final String value) throws IOException {
            final Schema s = Schema.of(col("x", SqlType.VARCHAR), col("d", SqlType.DOUBLE));
            final String field = value.contains(",") ? "\"" + value + "\"" : value;
            assertThat(failure("x,d\nab," + field + "\n", s))
                .isEqualTo("in.csv:2:4: not a DOUBLE: '" + value + "' (column 'd')");
        }

        @Test
        void quotedEmptyNumberIsAnErrorNotNull() throws IOException {
            final Schema s = Schema.of(col("b", SqlType.BIGINT));
            assertThat(failure("b\n\"\"\n", s)).isEqualTo("in.csv:2:1: not a BIGINT: '' (column 'b')");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "1", "tru", "truex"})
        void badBooleansAreErrors(final String value) throws IOException {
            final Schema s = Schema.of(col("f", SqlType.BOOLEAN));
            assertThat(failure("f\n" + value + "\n", s)).startsWith("in.csv:2:1: not a BOOLEAN (true or false): '" + value + "'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-02-29 00:00:00", "2024-13-01 00:00:00", "2024-01-01 24:00:00", "2024-01-01",
            "12:00", "2024-01-01 00:00:00.", "2024-01-01 00:00:00.1234", "1.5"})
        void badTimestampsAreErrors(final String value) throws IOException {
            final Schema s = Schema.of(col("t", SqlType.TIMESTAMP));
            assertThat(failure("t\n" + value + "\n", s))
                .isEqualTo("in.csv:2:1: not a TIMESTAMP (yyyy-MM-dd HH:mm:ss[.SSS] or epoch milliseconds): '"
                    + value + "' (column 't')");
        }
    }

    // ---------------------------------------------------------------- positions of errors

    @Nested
    class ErrorPositions {
        @Test
        void columnCountsCharactersNotBytesOnUtf8Lines() throws IOException {
            // "ÄÖÜ€" is 4 characters but 9 bytes: the bad value starts at character 6
            assertThat(failure("name,id\nÄÖÜ€,abc\n", ID_NAME)).startsWith("in.csv:2:6: not a BIGINT: 'abc'");
            assertThat(failure("name,id\n\"é,\"\"ü\",abc\n", ID_NAME)).startsWith("in.csv:2:9: not a BIGINT: 'abc'");
        }

        @Test
        void quotedBadValueIsPositionedAtItsOpeningQuote() throws IOException {
            assertThat(failure("name,id\nx,\"12x\"\n", ID_NAME)).isEqualTo("in.csv:2:3: not a BIGINT: '12x' (column 'id')");
        }

        @Test
        void tooFewFieldsPointsJustPastTheLastField() throws IOException {
            final Schema s = Schema.of(col("a", SqlType.BIGINT), col("b", SqlType.BIGINT), col("c", SqlType.BIGINT));
            assertThat(failure("a,b,c\n1,2,3\n1,22\n", s)).isEqualTo("in.csv:3:5: too few fields (expected 3, found 2)");
            assertThat(failure("a,b,c\n1,\"2\"\n", s)).isEqualTo("in.csv:2:6: too few fields (expected 3, found 2)");
        }

        @Test
        void tooManyFieldsPointsAtTheFirstExtraField() throws IOException {
            assertThat(failure("a,b\nx,y\nx,yy,z,w\n", TWO_TEXT)).isEqualTo("in.csv:3:6: too many fields (expected 2, found 4)");
        }

        @Test
        void unterminatedQuoteIsPositionedAtTheOpeningQuote() throws IOException {
            assertThat(failure("a,b\nx,y\nü,\"abc\ndef\n\n", TWO_TEXT))
                .isEqualTo("in.csv:3:3: unterminated quoted field (no closing '\"' before end of file)");
        }

        @Test
        void textAfterClosingQuoteIsPositionedAtThatText() throws IOException {
            assertThat(failure("a,b\nx,\"y\"z\n", TWO_TEXT))
                .isEqualTo("in.csv:2:6: unexpected character after closing quote (expected ',' or end of line)");
            assertThat(failure("a,b\nx,\"y\nyy\" \n", TWO_TEXT))
                .isEqualTo("in.csv:3:4: unexpected character after closing quote (expected ',' or end of line)");
        }

        @Test
        void invalidUtf8InVarcharIsAnError() throws IOException {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("a,b\nok,ok\nx,ab".getBytes(StandardCharsets.UTF_8));
            out.write(0xC3); // a lead byte followed by no continuation byte
            out.writeBytes("(\n".getBytes(StandardCharsets.UTF_8));
            assertThat(failure(bytes(out.toByteArray()), TWO_TEXT)).isEqualTo("in.csv:3:3: invalid UTF-8 in column 'b'");

            final ByteArrayOutputStream overlong = new ByteArrayOutputStream();
            overlong.writeBytes("a,b\n\"".getBytes(StandardCharsets.UTF_8));
            overlong.write(0xC0); // overlong encoding of '/'
            overlong.write(0xAF);
            overlong.writeBytes("\",x\n".getBytes(StandardCharsets.UTF_8));
            assertThat(failure(bytes(overlong.toByteArray()), TWO_TEXT)).isEqualTo("in.csv:2:1: invalid UTF-8 in column 'a'");
        }

        @Test
        void invalidUtf8InAnIgnoredColumnIsNotAnError() throws IOException {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("a,junk,b\nx,".getBytes(StandardCharsets.UTF_8));
            out.write(0xFF);
            out.writeBytes(",y\n".getBytes(StandardCharsets.UTF_8));
            try (CsvSource src = open(bytes(out.toByteArray()), TWO_TEXT)) {
                assertThat(CsvTestSupport.readAll(src, TWO_TEXT, dictionary, 10).rows).containsExactly(row("x", "y"));
            }
        }

        @Test
        void nullInNotNullColumnIsAnError() throws IOException {
            final Schema s = Schema.of(col("a", SqlType.VARCHAR), notNull("b", SqlType.VARCHAR));
            assertThat(failure("a,b\nx,\"\"\nx,\n", s)).isEqualTo("in.csv:3:3: NULL (empty field) in NOT NULL column 'b'");
        }

        @Test
        void badFieldOnALaterLineOfAMultiLineRecordIsPositionedOnThatLine() throws IOException {
            // the record starts on line 2; the bad value 'zz' is on line 3, column 4
            final Schema s = Schema.of(col("t", SqlType.VARCHAR), col("n", SqlType.BIGINT));
            assertThat(failure("t,n\n\"x\ny\",zz\n", s)).isEqualTo("in.csv:3:4: not a BIGINT: 'zz' (column 'n')");
        }

        @Test
        void tooFewFieldsAfterAMultiLineFieldIsPositionedOnItsLastLine() throws IOException {
            final Schema s = Schema.of(col("a", SqlType.VARCHAR), col("b", SqlType.VARCHAR), col("c", SqlType.VARCHAR));
            assertThat(failure("a,b,c\n1,\"x\r\nyy\"\n", s)).isEqualTo("in.csv:3:4: too few fields (expected 3, found 2)");
        }
    }

    // ---------------------------------------------------------------- SKIP policy

    @Nested
    class SkipPolicy {
        @Test
        void skippedRowsAreCountedReportedAndGoodRowsStillArrive() throws IOException {
            final String csv = "id,name\n"
                + "1,a\n"          // line 2
                + "x2,b\n"         // line 3: bad BIGINT at column 1
                + "3,c\n"          // line 4
                + "4\n"            // line 5: too few fields, column 2
                + "5,e,extra\n"    // line 6: too many fields, column 5
                + "6,\"multi\nline\"\n" // line 7-8
                + "7,\"q\"\"\",8\n" // line 9: too many, column 8
                + "9,i\n";         // line 10
            final RejectList rejects = new RejectList();
            final Read r;
            final CsvSource src = new CsvSource(file(csv), FILE, ID_NAME, dictionary, -1, 0, BadRowPolicy.SKIP, rejects);
            try (src) {
                r = CsvTestSupport.readAll(src, ID_NAME, dictionary, 2);
            }
            assertThat(r.rows).containsExactly(row(1L, "a"), row(3L, "c"), row(6L, "multi\nline"), row(9L, "i"));
            assertThat(r.lines).containsExactly(2L, 4L, 7L, 10L);
            assertThat(r.batchSizes).containsExactly(2, 2);
            assertThat(src.rowsRejected()).isEqualTo(4);
            assertThat(src.rowsRead()).isEqualTo(8);
            assertThat(rejects.rows).containsExactly(
                new Rejected(FILE, 3, 1, "not a BIGINT: 'x2' (column 'id')", "x2,b"),
                new Rejected(FILE, 5, 2, "too few fields (expected 2, found 1)", "4"),
                new Rejected(FILE, 6, 5, "too many fields (expected 2, found 3)", "5,e,extra"),
                new Rejected(FILE, 9, 9, "too many fields (expected 2, found 3)", "7,\"q\"\"\",8"));
        }

        @Test
        void skippedRowLeavesNoNullBitsBehindForTheNextRow() throws IOException {
            final Schema s = Schema.of(col("a", SqlType.VARCHAR), col("n", SqlType.BIGINT));
            final RejectList rejects = new RejectList();
            try (CsvSource src = new CsvSource(file("a,n\n,bad\nx,1\n"), FILE, s, dictionary, -1, 0, BadRowPolicy.SKIP, rejects)) {
                // the bad row set a's NULL bit before failing on n; the next row reuses the slot
                assertThat(CsvTestSupport.readAll(src, s, dictionary, 4).rows).containsExactly(row("x", 1L));
            }
            assertThat(rejects.rows).hasSize(1);
        }

        private Read readSkipping(final String csv, final Schema schema, final RejectList rejects) throws IOException {
            try (CsvSource src = new CsvSource(file(csv), FILE, schema, dictionary, -1, 0, BadRowPolicy.SKIP, rejects)) {
                final Read r = CsvTestSupport.readAll(src, schema, dictionary, 3);
                assertThat(src.rowsRejected()).isEqualTo(rejects.rows.size());
                assertThat(src.rowsRead()).isEqualTo(r.rows.size() + rejects.rows.size());
                return r;
            }
        }

        @Test
        void textAfterAClosingQuoteRejectsTheRowAndTheNextLineIsRead() throws IOException {
            final String csv = "name,id\n"
                + "a,1\n"                   // line 2
                + "\"ab\"c,2\n"             // line 3: text after the closing quote, column 5
                + "b,3\n"                   // line 4
                + "\"x\"\"y\" ,4\n"          // line 5: a space after the closing quote, column 7
                + "c,5\n"                   // line 6
                + "\"p\"q,\"r\ns\",6\n"      // line 7-8: the row ends where its quoted line break ends
                + "d,7\n";                  // line 9
            final RejectList rejects = new RejectList();
            final Read r = readSkipping(csv, ID_NAME, rejects);
            assertThat(r.rows).containsExactly(row(1L, "a"), row(3L, "b"), row(5L, "c"), row(7L, "d"));
            assertThat(r.lines).containsExactly(2L, 4L, 6L, 9L);
            final String after = "unexpected character after closing quote (expected ',' or end of line)";
            assertThat(rejects.rows).containsExactly(
                new Rejected(FILE, 3, 5, after, "\"ab\"c,2"),
                new Rejected(FILE, 5, 7, after, "\"x\"\"y\" ,4"),
                new Rejected(FILE, 7, 4, after, "\"p\"q,\"r\ns\",6"));
        }

        @Test
        void anUnterminatedQuoteRejectsItsLineOnlyAndTheLinesAfterItAreRead() throws IOException {
            // no quote closes line 3's: every quote after it comes in pairs (that is why it never closed)
            final String csv = "name,id\n"
                + "a,1\n"                   // line 2
                + "\"ab,2\n"                // line 3: the quote is never closed
                + "b,3\r\n"                 // line 4
                + "\"\"\"\",4\n"              // line 5: a quoted field holding one quote
                + "q\"\"r,5";                // line 6: an unquoted field with two quotes, at the end of the file
            final String unterminated = "unterminated quoted field (no closing '\"' before end of file)";
            final Schema s = Schema.of(col("name", SqlType.VARCHAR), col("id", SqlType.VARCHAR));
            final RejectList rejects = new RejectList();
            final Read r = readSkipping(csv, s, rejects);
            assertThat(r.rows).containsExactly(row("a", "1"), row("b", "3"), row("\"", "4"), row("q\"\"r", "5"));
            assertThat(r.lines).containsExactly(2L, 4L, 5L, 6L);
            assertThat(rejects.rows).containsExactly(new Rejected(FILE, 3, 1, unterminated, "\"ab,2"));

            // on the last line of the file, with and without a line end
            for (final String end : List.of("", "\n", "\r\n")) {
                final RejectList last = new RejectList();
                assertThat(readSkipping("name,id\na,1\nc,\"5" + end, s, last).rows).containsExactly(row("a", "1"));
                assertThat(last.rows).containsExactly(new Rejected(FILE, 3, 3, unterminated, "c,\"5"));
            }
        }

        @Test
        void anUnterminatedQuoteOnALaterLineOfARecordEndsTheRecordWithThatLine() throws IOException {
            // the record starts on line 2 with a quoted line break; its second field's quote (line 3,
            // column 4) never closes: the row is lines 2-3, and line 4 is read
            final String csv = "name,id\n\"x\ny\",\"9\nz,8\n";
            final RejectList rejects = new RejectList();
            final Read r = readSkipping(csv, ID_NAME, rejects);
            assertThat(r.rows).containsExactly(row(8L, "z"));
            assertThat(r.lines).containsExactly(4L);
            assertThat(rejects.rows).containsExactly(new Rejected(FILE, 2, 4,
                "unterminated quoted field (no closing '\"' before end of file)", "\"x\ny\",\"9"));
        }

        @Test
        void aQuoteUnclosedFor64MiBIsRejectedAndTheRowsAfterItAreRead() throws IOException {
            // a stray quote on line 2, then 66 MiB of good rows: the reader gives up on the quote after
            // 64 MiB, rejects line 2 and reads every row after it
            final Path p = Files.createTempFile(dir, "csv", ".csv");
            final String name = "x".repeat(1000);
            final int rows = 69_000;
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
                out.write("id,name\n1,\"stray\n".getBytes(StandardCharsets.US_ASCII));
                final byte[] line = (",").concat(name).concat("\n").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < rows; i++) {
                    out.write(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
                    out.write(line);
                }
            }
            assertThat(Files.size(p)).isGreaterThan(65L << 20);
            final RejectList rejects = new RejectList();
            long count = 0;
            long sum = 0;
            try (CsvSource src = new CsvSource(p, FILE, ID_NAME, dictionary, -1, 0, BadRowPolicy.SKIP, rejects);
                 ColumnBatch batch = new ColumnBatch(ID_NAME, 4096, dictionary)) {
                while (src.next(batch)) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        assertThat(batch.line(r)).isEqualTo(batch.column(0).getLong(r) + 3);
                        sum += batch.column(0).getLong(r);
                        count++;
                    }
                }
            }
            assertThat(count).isEqualTo(rows);
            assertThat(sum).isEqualTo((long) rows * (rows - 1) / 2);
            assertThat(rejects.rows).containsExactly(new Rejected(FILE, 2, 3,
                "unterminated quoted field (no closing '\"' within 64 MiB)", "1,\"stray"));
            Files.delete(p);
        }

        @Test
        void aHeaderWithMalformedQuotingStopsTheRunWhateverThePolicy() throws IOException {
            final Path p = file("\"name\"x,id\na,1\n");
            assertThatThrownBy(() -> new CsvSource(p, FILE, ID_NAME, dictionary, -1, 0, BadRowPolicy.SKIP, new RejectList()))
                .isInstanceOf(DataException.class)
                .hasMessage("in.csv:1:7: unexpected character after closing quote (expected ',' or end of line)");
        }

        @Test
        void allRowsBadGivesNoBatches() throws IOException {
            final RejectList rejects = new RejectList();
            try (CsvSource src = new CsvSource(file("id,name\nx,1\ny,2\n"), FILE, ID_NAME, dictionary, -1, 0, BadRowPolicy.SKIP, rejects)) {
                final Read r = CsvTestSupport.readAll(src, ID_NAME, dictionary, 4);
                assertThat(r.rows).isEmpty();
                assertThat(src.rowsRejected()).isEqualTo(2);
            }
        }
    }

    // ---------------------------------------------------------------- batching and the read buffer

    @Nested
    class Batching {
        @Test
        void batchesAreFilledToCapacityThenContinued() throws IOException {
            final StringBuilder csv = new StringBuilder("id,name\n");
            for (int i = 1; i <= 10; i++) {
                csv.append(i).append(",n").append(i).append('\n');
            }
            final Read r = read(csv.toString(), ID_NAME, 3);
            assertThat(r.batchSizes).containsExactly(3, 3, 3, 1);
            assertThat(r.rows).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(r.rows.get(i)).isEqualTo(row(i + 1L, "n" + (i + 1)));
                assertThat(r.lines.get(i)).isEqualTo(i + 2L);
            }
        }

        @Test
        void exactMultipleOfCapacityEndsWithoutAnEmptyBatch() throws IOException {
            final Read r = read("id,name\n1,a\n2,b\n3,c\n4,d\n", ID_NAME, 2);
            assertThat(r.batchSizes).containsExactly(2, 2);
        }

        /**
         * Builds a file larger than the read buffer where the special record {@code
         * 7777777,"ab""cd\r\nef,\rgh"\r\n} starts {@code shift} bytes before the first buffer boundary, so
         * that the boundary falls on every one of its characters in turn (inside a doubled quote, between
         * CR and LF, on the closing quote...).
         */
        private String straddling(final int shift, final List<List<Object>> expectedRows, final List<Long> expectedLines) {
            final StringBuilder sb = new StringBuilder(READ_BUFFER + 200_000);
            sb.append("id,name\n");
            long line = 2;
            long id = 0;
            while (sb.length() < READ_BUFFER - shift - 300) {
                final String name = "row-" + id + "-" + "x".repeat((int) (id % 40));
                sb.append(id).append(',').append(name).append('\n');
                expectedRows.add(row(id, name));
                expectedLines.add(line++);
                id++;
            }
            // one filler row of exactly the length that puts the special record at READ_BUFFER - shift
            final int remaining = READ_BUFFER - shift - sb.length();
            final String idText = Long.toString(id);
            final String filler = "f".repeat(remaining - idText.length() - 2);
            sb.append(idText).append(',').append(filler).append('\n');
            expectedRows.add(row(id, filler));
            expectedLines.add(line++);
            assertThat(sb.length()).isEqualTo(READ_BUFFER - shift);
            sb.append("7777777,\"ab\"\"cd\r\nef,\rgh\"\r\n");
            expectedRows.add(row(7777777L, "ab\"cd\r\nef,\rgh"));
            expectedLines.add(line);
            line += 3;
            for (int i = 0; i < 2000; i++) {
                final String name = "after-" + i;
                sb.append(i).append(",\"").append(name).append("\"\r\n");
                expectedRows.add(row((long) i, name));
                expectedLines.add(line++);
            }
            return sb.toString();
        }

        @Test
        void recordStraddlingTheReadBufferBoundaryAtEveryCharacter() throws IOException {
            final String special = "7777777,\"ab\"\"cd\r\nef,\rgh\"\r\n";
            for (int shift = 1; shift <= special.length() + 1; shift++) {
                final List<List<Object>> rows = new ArrayList<>();
                final List<Long> lines = new ArrayList<>();
                final String csv = straddling(shift, rows, lines);
                final Read r = read(csv, ID_NAME, 4096);
                assertThat(r.rows).as("shift %d", shift).isEqualTo(rows);
                assertThat(r.lines).as("shift %d", shift).isEqualTo(lines);
            }
        }

        @Test
        void recordLongerThanTheReadBufferIsReadWhole() throws IOException {
            final StringBuilder big = new StringBuilder();
            int i = 0;
            while (big.length() < READ_BUFFER * 3 / 2) {
                big.append("chunk ").append(i++).append(", \"quoted\" é€😀\n");
            }
            final String value = big.toString();
            final String field = "\"" + value.replace("\"", "\"\"") + "\"";
            final long newlines = value.chars().filter(c -> c == '\n').count();
            final String csv = "id,name\n1,small\n2," + field + "\n3,after\r\n4,\"last\"";
            final Read r = read(csv, ID_NAME, 2);
            assertThat(r.rows).hasSize(4);
            assertThat(r.rows.get(0)).isEqualTo(row(1L, "small"));
            assertThat((String) r.rows.get(1).get(1)).isEqualTo(value);
            assertThat(r.rows.get(2)).isEqualTo(row(3L, "after"));
            assertThat(r.rows.get(3)).isEqualTo(row(4L, "last"));
            assertThat(r.lines).containsExactly(2L, 3L, 3L + newlines + 1, 3L + newlines + 2);
        }

        @Test
        void errorPositionsStayRightFarIntoALargeFile() throws IOException {
            final StringBuilder sb = new StringBuilder("name,id\n");
            int line = 1;
            while (sb.length() < READ_BUFFER * 2 + 1000) {
                sb.append("nämé,").append(line).append('\n');
                line++;
            }
            sb.append("ünï,oops\n");
            assertThat(failure(sb.toString(), ID_NAME)).isEqualTo("in.csv:" + (line + 1) + ":5: not a BIGINT: 'oops' (column 'id')");
        }
    }

    // ---------------------------------------------------------------- watermarks

    @Nested
    class Watermarks {
        private final Schema schema = Schema.of(col("id", SqlType.BIGINT), col("ts", SqlType.TIMESTAMP));

        @Test
        void watermarkBeforeEachRowIsMaxEarlierEventTimeMinusDelay() throws IOException {
            final String csv = "id,ts\n"
                + "1,10000\n"                 // before: none       after: 9000
                + "2,5000\n"                  // before: 9000       (out of order: no change)
                + "3,1970-01-01 00:00:20\n"   // before: 9000       after: 19000
                + "x,99999\n"                 // skipped: must not advance the watermark
                + "5,15000\n"                 // before: 19000
                + "6,30000\n";                // before: 19000      after: 29000
            final RejectList rejects = new RejectList();
            final Read r;
            final CsvSource src = new CsvSource(file(csv), FILE, schema, dictionary, 1, 1000, BadRowPolicy.SKIP, rejects);
            try (src) {
                r = CsvTestSupport.readAll(src, schema, dictionary, 2);
                assertThat(src.watermark()).isEqualTo(29_000L);
            }
            assertThat(r.rows).extracting(row -> row.get(0)).containsExactly(1L, 2L, 3L, 5L, 6L);
            assertThat(r.watermarksBefore).containsExactly(ColumnBatch.NO_WATERMARK, 9000L, 9000L, 19_000L, 19_000L);
            assertThat(r.batchSizes).containsExactly(2, 2, 1);
            assertThat(r.watermarksAfter).containsExactly(9000L, 19_000L, 29_000L);
            assertThat(rejects.rows).hasSize(1);
        }

        @Test
        void watermarkFollowsMaxEventTimeOnRandomOrders() throws IOException {
            final Random random = new Random(7);
            final StringBuilder csv = new StringBuilder("id,ts\n");
            final long[] ts = new long[500];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = random.nextLong(-5_000_000L, 5_000_000L);
                csv.append(i).append(',').append(ts[i]).append('\n');
            }
            final long delay = 250;
            final Read r;
            try (CsvSource src = new CsvSource(file(csv.toString()), FILE, schema, dictionary, 1, delay, BadRowPolicy.FAIL,
                RejectedRows.NONE)) {
                r = CsvTestSupport.readAll(src, schema, dictionary, 7);
            }
            long max = Long.MIN_VALUE;
            for (int i = 0; i < ts.length; i++) {
                final long expected = i == 0 ? ColumnBatch.NO_WATERMARK : max - delay;
                assertThat(r.watermarksBefore.get(i)).as("row %d", i).isEqualTo(expected);
                max = Math.max(max, ts[i]);
            }
            assertThat(r.watermarksAfter.get(r.watermarksAfter.size() - 1)).isEqualTo(max - delay);
        }

        @Test
        void withoutAnEventTimeColumnThereIsNoWatermark() throws IOException {
            final Read r = read("id,ts\n1,1000\n2,2000\n", schema);
            assertThat(r.watermarksBefore).containsOnly(ColumnBatch.NO_WATERMARK);
            assertThat(r.watermarksAfter).containsOnly(ColumnBatch.NO_WATERMARK);
        }

        @Test
        void nullEventTimeIsAnError() throws IOException {
            assertThatThrownBy(() -> {
                try (CsvSource src = new CsvSource(file("id,ts\n1,\n"), FILE, schema, dictionary, 1, 0, BadRowPolicy.FAIL,
                    RejectedRows.NONE)) {
                    CsvTestSupport.readAll(src, schema, dictionary, 4);
                }
            }).isInstanceOf(DataException.class)
                .hasMessage("in.csv:2:3: NULL event time in column 'ts' (it carries the WATERMARK)");
        }
    }
}
