package io.sluice.runtime.exec;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.source.RejectedRows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file of skipped input rows: {@code file,line,column,reason,row}. Created on the first
 * rejected row only, so a clean run leaves no file behind.
 */
final class RejectsFile implements RejectedRows, AutoCloseable {
    private final Path path;
    private BufferedWriter out;
    private long count;

    RejectsFile(final Path path) {
        this.path = path;
    }

    long count() {
        return count;
    }

    Path path() {
        return path;
    }

    @Override
    public void reject(final String file, final long line, final int column, final String reason, final String row) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write("file,line,column,reason,row\n");
            }
            out.write(quote(file) + "," + line + "," + column + "," + quote(reason) + "," + quote(row) + "\n");
            count++;
        } catch (final IOException e) {
            throw new DataException(path.toString(), "cannot write rejects file: " + e.getMessage());
        }
    }

    private static String quote(final String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (final IOException e) {
                throw new DataException(path.toString(), "cannot write rejects file: " + e.getMessage());
            }
        }
    }
}
