package io.sluice.compiler.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A CSV writer for generated data: ASCII only, no quoting (generated values never hold a comma,
 * quote or line break), numbers and timestamps formatted into a byte buffer without allocation.
 * Fields are written in order; the writer puts the commas and line ends.
 */
final class AsciiCsvWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private final byte[] digits = new byte[20];
    private int pos;
    private boolean lineStart = true;
    private long rows;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] dayText = new byte[11]; // "yyyy-MM-dd "

    AsciiCsvWriter(final Path path, final String... header) {
        try {
            this.out = Files.newOutputStream(path);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        for (final String h : header) {
            text(h);
        }
        endHeader();
    }

    /** Data rows written so far (not counting the header). */
    long rows() {
        return rows;
    }

    private void endHeader() {
        put((byte) '\n');
        lineStart = true;
    }

    /** Ends the current row. */
    void endRow() {
        put((byte) '\n');
        lineStart = true;
        rows++;
    }

    private void separator() {
        if (!lineStart) {
            put((byte) ',');
        }
        lineStart = false;
    }

    private void put(final byte b) {
        if (pos == BUFFER) {
            flush();
        }
        buf[pos++] = b;
    }

    private void ensure(final int n) {
        if (pos + n > BUFFER) {
            flush();
        }
    }

    /** A text field of ASCII characters without commas, quotes or line breaks. */
    void text(final String s) {
        separator();
        final int n = s.length();
        ensure(n);
        if (n > BUFFER) {
            final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            write(b, 0, b.length);
            return;
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** A text field held in {@code b[0, length)} (ASCII, no separators). */
    void text(final byte[] b, final int length) {
        separator();
        ensure(length);
        System.arraycopy(b, 0, buf, pos, length);
        pos += length;
    }

    private void write(final byte[] b, final int off, final int len) {
        flush();
        try {
            out.write(b, off, len);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole number. */
    void number(final long value) {
        separator();
        appendLong(value);
    }

    private void appendLong(final long value) {
        ensure(21);
        if (value == Long.MIN_VALUE) {
            final byte[] b = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return;
        }
        long v = value;
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        while (n > 0) {
            buf[pos++] = digits[--n];
        }
    }

    /** A decimal with two fraction digits, given in hundredths: {@code 12345} is written {@code 123.45}. */
    void hundredths(final long value) {
        separator();
        long v = value;
        if (v < 0) {
            ensure(1);
            buf[pos++] = '-';
            v = -v;
        }
        appendLong(v / 100);
        ensure(3);
        final int f = (int) (v % 100);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + f / 10);
        buf[pos++] = (byte) ('0' + f % 10);
    }

    /** A TIMESTAMP(3) given in epoch milliseconds (UTC), written {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    void timestamp(final long epochMillis) {
        separator();
        final long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (day != cachedDay) {
            final byte[] d = (LocalDate.ofEpochDay(day) + " ").getBytes(StandardCharsets.US_ASCII);
            if (d.length != dayText.length) {
                throw new IllegalArgumentException("timestamp out of the 4-digit year range: " + epochMillis);
            }
            System.arraycopy(d, 0, dayText, 0, d.length);
            cachedDay = day;
        }
        ensure(23);
        System.arraycopy(dayText, 0, buf, pos, dayText.length);
        pos += dayText.length;
        int ms = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        final int millis = ms % 1000;
        ms /= 1000;
        final int sec = ms % 60;
        ms /= 60;
        final int min = ms % 60;
        final int hour = ms / 60;
        two(hour);
        buf[pos++] = ':';
        two(min);
        buf[pos++] = ':';
        two(sec);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + millis / 100);
        buf[pos++] = (byte) ('0' + (millis / 10) % 10);
        buf[pos++] = (byte) ('0' + millis % 10);
    }

    private void two(final int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void flush() {
        try {
            out.write(buf, 0, pos);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
