package io.sluice.compiler.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a changelog (the output of a non-windowed aggregation) to get the final table.
 *
 * <p>A changelog table's first column is {@value #OP_COLUMN}; each row is an operation on the
 * result table: {@code +I} and {@code +U} add the row, {@code -U} and {@code -D} remove one row
 * equal to it (cell by cell, exact text). See test-corpus/README.md.
 */
public final class Changelog {

    /** Name of the leading operation column of a changelog. */
    public static final String OP_COLUMN = "op";

    /** The four changelog operations. */
    public enum Op {
        INSERT("+I", true),
        UPDATE_BEFORE("-U", false),
        UPDATE_AFTER("+U", true),
        DELETE("-D", false);

        private final String symbol;
        private final boolean adds;

        Op(String symbol, boolean adds) {
            this.symbol = symbol;
            this.adds = adds;
        }

        /** The text form used in CSV output, e.g. {@code +I}. */
        public String symbol() {
            return symbol;
        }

        /** True for {@code +I}/{@code +U} (the row is added), false for removals. */
        public boolean adds() {
            return adds;
        }

        /**
         * Parses {@code +I}, {@code -U}, {@code +U} or {@code -D}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Op parse(String text) {
            for (Op op : values()) {
                if (op.symbol.equals(text)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown changelog op '" + text + "'");
        }
    }

    /** Thrown when a changelog cannot be applied (unknown op, or a removal matches no row). */
    public static final class ChangelogException extends RuntimeException {
        ChangelogException(String message) {
            super(message);
        }
    }

    private Changelog() {
    }

    /**
     * Applies {@code changelog} to an empty table and returns the result without the op column.
     * Rows of the result keep the order in which they were added (a removal takes out the
     * earliest equal row); callers comparing results treat them as a multiset.
     *
     * @throws IllegalArgumentException if the first column is not {@value #OP_COLUMN}
     * @throws ChangelogException if an op is unknown or a {@code -U}/{@code -D} finds no equal row
     */
    public static CsvTable apply(CsvTable changelog) {
        if (!changelog.isChangelog()) {
            throw new IllegalArgumentException("not a changelog: first column is not '" + OP_COLUMN
                    + "' but " + changelog.header());
        }
        List<String> header = changelog.header().subList(1, changelog.columnCount());
        List<List<String>> result = new ArrayList<>();
        int line = 1; // header
        for (List<String> row : changelog.rows()) {
            line++;
            Op op;
            try {
                op = Op.parse(row.getFirst());
            } catch (IllegalArgumentException e) {
                throw new ChangelogException("changelog row " + line + ": " + e.getMessage());
            }
            List<String> values = row.subList(1, row.size());
            if (op.adds()) {
                result.add(values);
            } else if (!removeOne(result, values)) {
                throw new ChangelogException("changelog row " + line + ": " + op.symbol() + " "
                        + values + " matches no row of the table built so far");
            }
        }
        return CsvTable.of(header, result);
    }

    private static boolean removeOne(List<List<String>> rows, List<String> values) {
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(rows.get(i), values)) {
                rows.remove(i);
                return true;
            }
        }
        return false;
    }
}
