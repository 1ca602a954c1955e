package io.sluice.compiler.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A small immutable table read from a corpus CSV file: a header and rows of string cells.
 *
 * <p>Cells follow the corpus conventions (test-corpus/README.md): RFC 4180 quoting, an empty
 * <em>unquoted</em> field is SQL NULL and is held as {@code null}, a quoted empty field {@code ""}
 * is the empty string {@code ""}. Values are kept as text; typed comparison is the job of
 * {@link ValueComparison} and {@link TableComparison}.
 */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        if (header.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("empty column name in header " + header);
        }
        this.header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header has "
                        + header.size() + ": " + row);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // nulls allowed
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    /**
     * Creates a table from a header and rows; rows may contain {@code null} cells (SQL NULL).
     *
     * @throws IllegalArgumentException if a row's width differs from the header's
     */
    public static CsvTable of(List<String> header, List<? extends List<String>> rows) {
        return new CsvTable(header, new ArrayList<>(rows));
    }

    /**
     * Reads a UTF-8 CSV file with a header row.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file is empty (no header) or a row is ragged
     */
    public static CsvTable read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses CSV text with a header row; {@code source} names it in error messages.
     *
     * <p>Strict RFC 4180: records end with LF or CRLF (a final line end is optional), fields are
     * separated by commas, a quoted field may hold commas, line breaks and doubled quotes. A quote
     * inside an unquoted field, or text after a closing quote, is an error.
     *
     * @throws IllegalArgumentException if the text is malformed, has no header, or a row is ragged
     */
    public static CsvTable parse(String text, String source) {
        // Hand-written rather than commons-csv: commons-csv 1.14 needs commons-io >= 2.16, and
        // calcite-core puts commons-io 2.15.0 on the compiler's class path.
        List<List<String>> records = parseRecords(text, source);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": no header row");
        }
        List<String> header = records.getFirst();
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).size() != header.size()) {
                throw new IllegalArgumentException(source + ": record " + (i + 1) + " has "
                        + records.get(i).size() + " fields, header has " + header.size());
            }
        }
        return new CsvTable(header, records.subList(1, records.size()));
    }

    private static List<List<String>> parseRecords(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            List<String> record = new ArrayList<>();
            while (true) { // one field per iteration
                String field;
                if (i < n && text.charAt(i) == '"') {
                    int startLine = line;
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IllegalArgumentException(source + ":" + startLine
                                    + ": quoted field is not closed");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                value.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        value.append(c);
                        i++;
                    }
                    if (i < n && !atFieldEnd(text, i)) {
                        throw new IllegalArgumentException(source + ":" + line
                                + ": text after the closing quote of a field");
                    }
                    field = value.toString();
                } else {
                    int start = i;
                    while (i < n && !atFieldEnd(text, i)) {
                        if (text.charAt(i) == '"') {
                            throw new IllegalArgumentException(source + ":" + line
                                    + ": quote inside an unquoted field");
                        }
                        i++;
                    }
                    field = i == start ? null : text.substring(start, i);
                }
                record.add(field);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                break;
            }
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n) {
                i++; // the '\n'
            }
            line++;
            records.add(record);
        }
        return records;
    }

    private static boolean atFieldEnd(String text, int i) {
        char c = text.charAt(i);
        return c == ',' || c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    /** The column names, in order. */
    public List<String> header() {
        return header;
    }

    /** The rows, in file order; cells are {@code null} for SQL NULL. */
    public List<List<String>> rows() {
        return rows;
    }

    /** Number of columns. */
    public int columnCount() {
        return header.size();
    }

    /** True if the first column is named {@code op}, i.e. this table is a changelog. */
    public boolean isChangelog() {
        return !header.isEmpty() && header.getFirst().equalsIgnoreCase(Changelog.OP_COLUMN);
    }

    /** A copy with the rows sorted by {@code order}. */
    public CsvTable sorted(Comparator<List<String>> order) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(order);
        return new CsvTable(header, copy);
    }

    /**
     * Writes the table in the corpus output conventions: {@code \n} line ends, NULL as an empty
     * field, the empty string as {@code ""}, and exactly the fields containing {@code ,}
     * {@code "} CR or LF quoted (quotes doubled). {@code parse(t.toCsv(), ..)} equals {@code t}.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        appendRecord(out, header);
        for (List<String> row : rows) {
            appendRecord(out, row);
        }
        return out.toString();
    }

    private static void appendRecord(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            String cell = cells.get(c);
            if (cell == null) {
                continue;
            }
            if (cell.isEmpty()) {
                out.append("\"\"");
            } else if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                    || cell.indexOf('\n') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }

    /**
     * Renders the table as aligned text for humans (failure messages). NULL is shown as
     * {@code <null>}, the empty string as {@code ""}, line breaks inside cells as {@code \n}.
     */
    public String render() {
        int n = header.size();
        int[] width = new int[n];
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (List<String> row : rows) {
            List<String> shown = new ArrayList<>(n);
            for (String cell : row) {
                shown.add(display(cell));
            }
            cells.add(shown);
        }
        for (List<String> row : cells) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            out.append("  ");
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    out.append(" | ");
                }
                String cell = row.get(c);
                out.append(cell).append(" ".repeat(width[c] - cell.length()));
            }
            out.append('\n');
            if (r == 0) {
                out.append("  ");
                for (int c = 0; c < n; c++) {
                    out.append(c > 0 ? "-+-" : "").append("-".repeat(width[c]));
                }
                out.append('\n');
            }
        }
        out.append("  (").append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
        return out.toString();
    }

    private static String display(String cell) {
        if (cell == null) {
            return "<null>";
        }
        if (cell.isEmpty()) {
            return "\"\"";
        }
        return cell.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvTable t && header.equals(t.header) && rows.equals(t.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, rows);
    }

    @Override
    public String toString() {
        return render();
    }
}
