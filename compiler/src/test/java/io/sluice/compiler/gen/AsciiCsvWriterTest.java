package io.sluice.compiler.gen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's CSV writer formats numbers, decimals and timestamps as the JDK would, across buffer flushes. */
class AsciiCsvWriterTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
        .withZone(ZoneOffset.UTC);

    @Test
    void numbersDecimalsAndTimestampsMatchTheJdkFormatting(@TempDir final Path tmp) throws Exception {
        final List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
            (long) Integer.MIN_VALUE));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, 10 * p - 1));
        }
        final SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) { // enough rows to flush the 1 MB buffer several times
            values.add(r.nextLong() >> r.nextInt(64));
        }
        final Path out = tmp.resolve("n.csv");
        final List<String> expected = new ArrayList<>();
        expected.add("n,h,t");
        final long maxMillis = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        final long minMillis = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        try (AsciiCsvWriter w = new AsciiCsvWriter(out, "n", "h", "t")) {
            for (final long v : values) {
                final long t = Math.floorMod(v, maxMillis - minMillis + 1) + minMillis;
                w.number(v);
                w.hundredths(v);
                w.timestamp(t);
                w.endRow();
                final String h = (v < 0 ? "-" : "") + Math.abs(v / 100) + "." + String.format(Locale.ROOT, "%02d", Math.abs(v % 100));
                expected.add(v + "," + h + "," + TS.format(Instant.ofEpochMilli(t)));
            }
            assertThat(w.rows()).isEqualTo(values.size());
        }
        final List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) { // line by line: a failure names the first wrong line only
            assertThat(lines.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    @Test
    void fieldsBuiltFromPartsAndLongTextFields(@TempDir final Path tmp) throws Exception {
        final Path out = tmp.resolve("p.csv");
        final String longText = "x".repeat(3 << 20);
        try (AsciiCsvWriter w = new AsciiCsvWriter(out, "a", "b", "c")) {
            w.part("item".getBytes());
            w.part(1234);
            w.part(' ');
            w.zeroPadded4(7);
            w.endField();
            w.text(longText);
            w.text("ab".getBytes());
            w.endRow();
        }
        assertThat(Files.readAllLines(out)).containsExactly("a,b,c", "item1234 0007," + longText + ",ab");
    }
}
