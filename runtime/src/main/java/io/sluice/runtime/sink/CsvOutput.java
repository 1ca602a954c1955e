package io.sluice.runtime.sink;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.type.Schema;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV result file written by several partitions: the header once, then each partition's rows
 * formatted on its own thread into its own buffer and appended to the file in chunks under a lock,
 * so rows are never interleaved mid-line and partitions rarely wait for each other. Rows of one
 * partition keep their order; partitions interleave by chunk.
 */
public final class CsvOutput implements AutoCloseable {
    private static final int CHUNK = 1 << 15;

    private final Writer out;
    private final String name;
    private final Schema schema;
    private final boolean changelog;
    private final List<ChunkWriter> chunks = new ArrayList<>();

    public CsvOutput(final Writer out, final String name, final Schema schema, final boolean changelog) {
        this.out = out;
        this.name = name;
        this.schema = schema;
        this.changelog = changelog;
        new CsvSink(out, name, schema, changelog, true); // writes the header only
    }

    /** A new sink for one partition (to be used by one thread). */
    public synchronized ResultSink partitionSink() {
        final ChunkWriter chunk = new ChunkWriter();
        chunks.add(chunk);
        return new CsvSink(chunk, name, schema, changelog, false);
    }

    /** Flushes every partition's buffer and the output, and closes it. */
    @Override
    public void close() {
        try {
            synchronized (out) {
                for (final ChunkWriter c : chunks) {
                    c.drain();
                }
            }
            out.close();
        } catch (final IOException e) {
            throw new DataException(name, "cannot write output: " + e.getMessage());
        }
    }

    /** A partition's buffer, appended to the shared output when it holds a chunk. */
    private final class ChunkWriter extends Writer {
        private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);

        @Override
        public void write(final char[] chars, final int offset, final int length) {
            buffer.append(chars, offset, length);
            spill();
        }

        @Override
        public Writer append(final CharSequence text) {
            buffer.append(text);
            spill();
            return this;
        }

        private void spill() {
            if (buffer.length() >= CHUNK) {
                try {
                    synchronized (out) {
                        drain();
                    }
                } catch (final IOException e) {
                    throw new DataException(name, "cannot write output: " + e.getMessage());
                }
            }
        }

        void drain() throws IOException {
            out.append(buffer);
            buffer.setLength(0);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
