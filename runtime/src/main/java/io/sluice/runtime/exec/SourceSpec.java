package io.sluice.runtime.exec;

import io.sluice.runtime.type.Schema;

import java.nio.file.Path;

/**
 * The input of a query: a CSV file read as the table's schema, with the event-time column and
 * watermark delay the table declares (column -1 when it declares none).
 *
 * @param table           the table's name
 * @param schema          the table's columns
 * @param path            the file to read
 * @param displayName     how messages name the file (as the user wrote it)
 * @param eventTimeColumn the WATERMARK column, or -1
 * @param delayMillis     the WATERMARK delay in milliseconds
 */
public record SourceSpec(String table, Schema schema, Path path, String displayName, int eventTimeColumn,
                         long delayMillis) {
}
