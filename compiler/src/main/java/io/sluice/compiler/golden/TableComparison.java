package io.sluice.compiler.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares an expected table with an actual one as multisets of rows, cell by cell with
 * {@link ValueComparison}. Column names must match case-insensitively and in order.
 *
 * <p>If the expected table is a changelog (first column {@code op}) it is applied first with
 * {@link Changelog#apply(CsvTable)}, so a changelog can be checked against a final table.
 */
public final class TableComparison {

    private TableComparison() {
    }

    /**
     * Compares {@code expected} (a final table or a changelog) with the final table {@code actual}.
     *
     * @param types the comparison class of each column of {@code actual} (without any op column)
     * @return empty if they match, otherwise a readable description of the difference that shows
     *     both tables sorted
     * @throws Changelog.ChangelogException if {@code expected} is a changelog that cannot be applied
     */
    public static Optional<String> compare(CsvTable expected, CsvTable actual, List<ValueType> types) {
        CsvTable expectedFinal = expected.isChangelog() ? Changelog.apply(expected) : expected;
        if (types.size() != actual.columnCount()) {
            throw new IllegalArgumentException(types.size() + " types for " + actual.columnCount()
                    + " columns");
        }
        if (!namesMatch(expectedFinal.header(), actual.header())) {
            return Optional.of("column names differ: expected " + expectedFinal.header()
                    + (expected.isChangelog() ? " (after dropping op)" : "")
                    + ", actual " + actual.header() + "\n" + both(expectedFinal, actual, types));
        }
        // exact matches first, then the DOUBLE tolerance for the rows left: a greedy match within
        // the tolerance alone can pair a row with a near neighbour of its true match (values a
        // few ulps of 1e-9 apart) and leave both unmatched
        List<List<String>> unmatchedActual = new ArrayList<>(actual.rows());
        List<List<String>> unmatched = new ArrayList<>();
        for (List<String> row : expectedFinal.rows()) {
            int match = indexOfEqual(unmatchedActual, row, types, true);
            if (match < 0) {
                unmatched.add(row);
            } else {
                unmatchedActual.remove(match);
            }
        }
        List<List<String>> missing = new ArrayList<>();
        for (List<String> row : unmatched) {
            int match = indexOfEqual(unmatchedActual, row, types, false);
            if (match < 0) {
                missing.add(row);
            } else {
                unmatchedActual.remove(match);
            }
        }
        if (missing.isEmpty() && unmatchedActual.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("rows differ");
        if (!missing.isEmpty()) {
            out.append("\nexpected but not found:\n")
                    .append(CsvTable.of(actual.header(), missing).sorted(ValueComparison.rowOrder(types)).render());
        }
        if (!unmatchedActual.isEmpty()) {
            out.append("\nfound but not expected:\n")
                    .append(CsvTable.of(actual.header(), unmatchedActual).sorted(ValueComparison.rowOrder(types)).render());
        }
        out.append('\n').append(both(expectedFinal, actual, types));
        return Optional.of(out.toString());
    }

    /** True if the two rows are equal cell by cell under {@code types}. */
    public static boolean rowsEqual(List<String> expected, List<String> actual, List<ValueType> types) {
        return rowsEqual(expected, actual, types, false);
    }

    private static boolean rowsEqual(List<String> expected, List<String> actual, List<ValueType> types,
                                     boolean exactly) {
        if (expected.size() != types.size() || actual.size() != types.size()) {
            return false;
        }
        for (int c = 0; c < types.size(); c++) {
            if (!ValueComparison.equal(types.get(c), expected.get(c), actual.get(c), exactly)) {
                return false;
            }
        }
        return true;
    }

    // Rows are matched greedily, exact matches first (see compare).
    private static int indexOfEqual(List<List<String>> rows, List<String> row, List<ValueType> types,
                                    boolean exactly) {
        for (int i = 0; i < rows.size(); i++) {
            if (rowsEqual(row, rows.get(i), types, exactly)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean namesMatch(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int c = 0; c < expected.size(); c++) {
            if (!expected.get(c).equalsIgnoreCase(actual.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static String both(CsvTable expected, CsvTable actual, List<ValueType> types) {
        String expectedText = expected.columnCount() == types.size()
                ? expected.sorted(ValueComparison.rowOrder(types)).render()
                : expected.render();
        return "expected (sorted):\n" + expectedText
                + "\nactual (sorted):\n" + actual.sorted(ValueComparison.rowOrder(types)).render();
    }
}
