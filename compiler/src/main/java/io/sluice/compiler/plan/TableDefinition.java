package io.sluice.compiler.plan;

import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.type.Schema;

import java.util.Map;

/**
 * A table declared by {@code CREATE TABLE}: its columns, its event-time column and watermark
 * delay (column -1 without a WATERMARK), and its {@code WITH} options (keys lower-cased), with the
 * positions of its name and of its {@code 'path'} value (the name's, without one) for messages.
 */
public record TableDefinition(String name, Schema schema, int eventTimeColumn, long watermarkDelayMillis,
                              Map<String, String> options, int line, int column, int pathLine, int pathColumn) {

    /** The {@code 'path'} option, or null. */
    public String path() {
        return options.get("path");
    }

    /** What windowed queries over this table do with late rows ({@code 'late.policy'}; DROP by default). */
    public LatePolicy latePolicy() {
        return LateOptions.policy(options);
    }

    public boolean hasWatermark() {
        return eventTimeColumn >= 0;
    }
}
