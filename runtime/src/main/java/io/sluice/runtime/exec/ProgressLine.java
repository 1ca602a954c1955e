package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.time.Timestamps;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A live progress line for long runs on a terminal: rows read, rows per second, the watermark and
 * how far it lags the newest event time. Redrawn in place at most once a second, from the source
 * thread; {@link #done()} clears it.
 */
public final class ProgressLine implements RunProgress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    public ProgressLine(final PrintStream out) {
        this.out = out;
    }

    /** A progress line on stderr when stderr is a terminal, else nothing. */
    public static RunProgress forStderr() {
        final java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new ProgressLine(System.err) : RunProgress.NONE;
    }

    @Override
    public void update(final long rowsRead, final long watermark, final long maxEventTime) {
        final long now = System.nanoTime();
        if (now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        final double seconds = (now - start) / 1e9;
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\r%,d rows, %,.0f rows/s",
            rowsRead, rowsRead / seconds));
        if (watermark != ColumnBatch.NO_WATERMARK) {
            line.append(", watermark ").append(Timestamps.format(watermark));
            line.append(String.format(Locale.ROOT, " (lag %.3f s)", (maxEventTime - watermark) / 1000.0));
        }
        line.append("\u001b[K");
        out.print(line);
        out.flush();
        drawn = true;
    }

    /** Clears the line (if one was drawn) so the summary starts on a clean line. */
    public void done() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
