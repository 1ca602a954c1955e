package io.sluice.runtime.type;

import java.util.List;
import java.util.Locale;

/** An ordered list of columns. Lookup by name is case-insensitive, like Sluice's SQL. */
public record Schema(List<Column> columns) {
    public Schema {
        columns = List.copyOf(columns);
    }

    public static Schema of(final Column... columns) {
        return new Schema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(final int index) {
        return columns.get(index);
    }

    /** Index of the column named {@code name} (case-insensitive), or -1. */
    public int indexOf(final String name) {
        final String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i));
        }
        return sb.append(')').toString();
    }
}
