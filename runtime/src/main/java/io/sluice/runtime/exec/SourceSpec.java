package io.sluice.runtime.exec;

import io.sluice.runtime.type.Schema;

import java.nio.file.Path;
import java.util.List;

/**
 * The input of a query: one or more CSV files read as the table's schema (each file a source
 * partition with its own watermark), with the event-time column and watermark delay the table
 * declares (column -1 when it declares none).
 *
 * @param table           the table's name
 * @param schema          the table's columns
 * @param paths           the files to read
 * @param displayNames    how messages name each file (as the user wrote it)
 * @param eventTimeColumn the WATERMARK column, or -1
 * @param delayMillis     the WATERMARK delay in milliseconds
 */
public record SourceSpec(String table, Schema schema, List<Path> paths, List<String> displayNames,
                         int eventTimeColumn, long delayMillis) {

    public SourceSpec {
        paths = List.copyOf(paths);
        displayNames = List.copyOf(displayNames);
        if (paths.isEmpty() || paths.size() != displayNames.size()) {
            throw new IllegalArgumentException("a source needs one name per file, and at least one file");
        }
    }

    /** A table read from one file. */
    public SourceSpec(final String table, final Schema schema, final Path path, final String displayName,
                      final int eventTimeColumn, final long delayMillis) {
        this(table, schema, List.of(path), List.of(displayName), eventTimeColumn, delayMillis);
    }
}
