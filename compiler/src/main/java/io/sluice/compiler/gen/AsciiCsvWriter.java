package io.sluice.compiler.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A CSV writer for generated data: ASCII only, no quoting (generated values never hold a comma,
 * quote or line break), numbers and timestamps formatted straight into a byte buffer without
 * allocation, the buffer written to the file channel a megabyte at a time.
 *
 * <p>A field is either written whole ({@link #number}, {@link #text}, {@link #hundredths},
 * {@link #timestamp}) or built from parts ({@link #part(byte[])}, {@link #part(long)},
 * {@link #zeroPadded4}) and closed by {@link #endField()}. Every field is followed by a comma;
 * {@link #endRow()} turns the last one into the line end, so a row must have at least one field.
 */
final class AsciiCsvWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** The longest formatted long ({@code -9223372036854775808}) plus a comma. */
    private static final int LONG_MAX = 21;
    /** Seconds whose text is kept (a power of two). */
    private static final int SECOND_SLOTS = 8;
    /** {@code "00"} to {@code "99"}: two digits per division by 100. */
    private static final byte[] PAIRS = new byte[200];

    /** {@code 10^0} to {@code 10^18}. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final Path path;
    private final FileChannel out;
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer view = ByteBuffer.wrap(buf);
    private int pos;
    private long rows;
    /** {@code "yyyy-MM-dd "} of the epoch day {@link #cachedDay}. */
    private final byte[] dayText = new byte[11];
    private long cachedDay = Long.MIN_VALUE;
    /**
     * {@code "yyyy-MM-dd HH:mm:ss."} of recent seconds, 20 bytes each, second {@code s} in slot
     * {@code s mod SECOND_SLOTS}: rows behind the clock (disorder) find theirs still formatted.
     */
    private final byte[] slotText = new byte[SECOND_SLOTS * 20];
    /** The second each slot holds; MIN_VALUE: none. */
    private final long[] slotSecond = new long[SECOND_SLOTS];

    AsciiCsvWriter(final Path path, final String... header) {
        this.path = path;
        Arrays.fill(slotSecond, Long.MIN_VALUE);
        try {
            this.out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        for (final String h : header) {
            text(h);
        }
        buf[pos - 1] = '\n';
    }

    /** Data rows written so far (not counting the header). */
    long rows() {
        return rows;
    }

    /** Ends the current row (which has at least one field). */
    void endRow() {
        buf[pos - 1] = '\n';
        rows++;
    }

    /** Makes room for {@code n} more bytes. */
    private void ensure(final int n) {
        if (pos + n > BUFFER) {
            flush();
        }
    }

    /** Ends a field built from parts. */
    void endField() {
        ensure(1);
        buf[pos++] = ',';
    }

    /** A text field of ASCII characters without commas, quotes or line breaks. */
    void text(final String s) {
        final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        part(b);
        endField();
    }

    /** A text field: all of {@code b} (ASCII, no separators). */
    void text(final byte[] b) {
        text(b, b.length);
    }

    /** A text field held in {@code b[0, length)} (ASCII, no separators). */
    void text(final byte[] b, final int length) {
        if (length >= BUFFER) {
            part(b, length);
            endField();
            return;
        }
        ensure(length + 1);
        System.arraycopy(b, 0, buf, pos, length);
        pos += length;
        buf[pos++] = ',';
    }

    /** Appends all of {@code b} to the current field. */
    void part(final byte[] b) {
        part(b, b.length);
    }

    private void part(final byte[] b, final int length) {
        if (length >= BUFFER) {
            flush();
            write(ByteBuffer.wrap(b, 0, length));
            return;
        }
        ensure(length);
        System.arraycopy(b, 0, buf, pos, length);
        pos += length;
    }

    /** Appends {@code value} in decimal to the current field. */
    void part(final long value) {
        ensure(LONG_MAX);
        appendLong(value);
    }

    /** Appends {@code value} (0 to 9999) as exactly four digits, with leading zeros, to the current field. */
    void zeroPadded4(final int value) {
        ensure(4);
        final int high = value / 100;
        pair(high);
        pair(value - high * 100);
    }

    /** Appends one ASCII character to the current field. */
    void part(final char c) {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    /** A whole number. */
    void number(final long value) {
        ensure(LONG_MAX);
        appendLong(value);
        buf[pos++] = ',';
    }

    /** Writes {@code value} in decimal; the caller made room for {@link #LONG_MAX} bytes. */
    private void appendLong(final long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                final byte[] b = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
                return;
            }
            buf[pos++] = '-';
            appendPositive(-value);
        } else {
            appendPositive(value);
        }
    }

    private void appendPositive(final long value) {
        if (value <= Integer.MAX_VALUE) {
            appendPositive((int) value);
            return;
        }
        final int end = pos + digits(value);
        long v = value;
        int p = end;
        while (v >= 100) {
            final long q = v / 100;
            final int r = (int) (v - q * 100);
            p -= 2;
            buf[p] = PAIRS[2 * r];
            buf[p + 1] = PAIRS[2 * r + 1];
            v = q;
        }
        lastDigits(p, (int) v);
        pos = end;
    }

    private void appendPositive(final int value) {
        final int end = pos + digits(value);
        int v = value;
        int p = end;
        while (v >= 100) {
            final int q = v / 100;
            final int r = v - q * 100;
            p -= 2;
            buf[p] = PAIRS[2 * r];
            buf[p + 1] = PAIRS[2 * r + 1];
            v = q;
        }
        lastDigits(p, v);
        pos = end;
    }

    /**
     * Decimal digits of {@code v >= 0}: {@code log10} estimated from the bit length ({@code 1233 / 4096}
     * is just below {@code log10(2)}), then corrected by one comparison, without a branch per digit.
     */
    private static int digits(final long v) {
        final int t = ((64 - Long.numberOfLeadingZeros(v | 1)) * 1233) >>> 12;
        return t + 1 - ((v | 1) < POWERS_OF_TEN[t] ? 1 : 0);
    }

    /**
     * Writes {@code v} (0 to 99) ending just before {@code p}, without a leading zero; without a
     * branch, since whether the number has an odd or even count of digits is a coin toss for random
     * data. {@code two} is 1 for two digits: the tens go to {@code p - 2}; with one digit the units
     * byte is written twice to {@code p - 1}.
     */
    private void lastDigits(final int p, final int v) {
        final int two = (9 - v) >>> 31;
        buf[p - 1] = PAIRS[2 * v + 1];
        buf[p - 1 - two] = PAIRS[2 * v + 1 - two];
    }

    /** Two digits of {@code v} (0 to 99) at {@code pos}. */
    private void pair(final int v) {
        buf[pos] = PAIRS[2 * v];
        buf[pos + 1] = PAIRS[2 * v + 1];
        pos += 2;
    }

    /** A decimal with two fraction digits, given in hundredths: {@code 12345} is written {@code 123.45}. */
    void hundredths(final long value) {
        ensure(LONG_MAX + 4);
        if (value < 0) {
            buf[pos++] = '-';
        }
        final long whole = Math.abs(value / 100);
        appendLong(whole);
        buf[pos++] = '.';
        pair((int) Math.abs(value % 100));
        buf[pos++] = ',';
    }

    /** A TIMESTAMP(3) given in epoch milliseconds (UTC), written {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    void timestamp(final long epochMillis) {
        ensure(24);
        final long second = Math.floorDiv(epochMillis, 1000L);
        final int slot = (int) second & (SECOND_SLOTS - 1);
        if (slotSecond[slot] != second) {
            formatSecond(second, slot);
        }
        System.arraycopy(slotText, slot * 20, buf, pos, 20);
        pos += 20;
        final int millis = (int) (epochMillis - second * 1000L);
        final int hundreds = millis / 100;
        buf[pos++] = (byte) ('0' + hundreds);
        pair(millis - hundreds * 100);
        buf[pos++] = ',';
    }

    /** Formats {@code yyyy-MM-dd HH:mm:ss.} of the epoch second {@code second} into slot {@code slot}. */
    private void formatSecond(final long second, final int slot) {
        final long day = Math.floorDiv(second, SECONDS_PER_DAY);
        if (day != cachedDay) {
            final byte[] d = (LocalDate.ofEpochDay(day) + " ").getBytes(StandardCharsets.US_ASCII);
            if (d.length != dayText.length) {
                throw new IllegalArgumentException("timestamp out of the 4-digit year range: " + second * 1000L);
            }
            System.arraycopy(d, 0, dayText, 0, d.length);
            cachedDay = day;
        }
        final int at = slot * 20;
        System.arraycopy(dayText, 0, slotText, at, dayText.length);
        int s = (int) (second - day * SECONDS_PER_DAY);
        final int sec = s % 60;
        s /= 60;
        final int min = s % 60;
        final int hour = s / 60;
        slotText[at + 11] = PAIRS[2 * hour];
        slotText[at + 12] = PAIRS[2 * hour + 1];
        slotText[at + 13] = ':';
        slotText[at + 14] = PAIRS[2 * min];
        slotText[at + 15] = PAIRS[2 * min + 1];
        slotText[at + 16] = ':';
        slotText[at + 17] = PAIRS[2 * sec];
        slotText[at + 18] = PAIRS[2 * sec + 1];
        slotText[at + 19] = '.';
        slotSecond[slot] = second;
    }

    private void flush() {
        view.clear().limit(pos);
        write(view);
        pos = 0;
    }

    private void write(final ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                out.write(b);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (out) {
            flush();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
