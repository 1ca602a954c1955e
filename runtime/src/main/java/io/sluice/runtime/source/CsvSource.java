package io.sluice.runtime.source;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.expr.MessageText;
import io.sluice.runtime.time.Timestamps;
import io.sluice.runtime.time.WatermarkMerger;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes an RFC 4180 CSV file straight into {@link ColumnBatch}es: bytes to column values with no
 * object per row or field in steady state (a new distinct string allocates once, in the dictionary).
 *
 * <p>Format: a header row naming the columns (matched to the table's columns by name, ignoring
 * case; extra columns are ignored, a missing one is an error); {@code ,} separates fields; records
 * end with LF, CRLF or CR; {@code "} quotes a field, {@code ""} inside quotes is a quote, and a
 * quoted field may hold line breaks. An empty unquoted field is NULL, {@code ""} is the empty
 * string. Blank lines are skipped, except in a file with one column, where a blank line is a row
 * whose value is NULL (that is how a one-column NULL is written: the line has one empty field).
 * Non-string values may be padded with spaces.
 *
 * <p>Rows carry their line number and the watermark in force before them (when the table declares
 * one). A row that cannot be decoded stops the run ({@link BadRowPolicy#FAIL}) with
 * {@code file:line:column: reason}, or is counted and handed to the {@link RejectedRows} sink
 * ({@link BadRowPolicy#SKIP}). Not thread-safe.
 *
 * <p>Malformed quoting makes a row bad like any other problem, and reading goes on after it:
 * <ul>
 *   <li>Text after a closing quote ({@code "ab"c,1}): the row is bad; the text up to the next
 *       {@code ,} or line end belongs to the bad field, and the row ends where it would otherwise
 *       (at the first line end outside quotes).</li>
 *   <li>An unterminated quote (no closing {@code "} before the end of the file, or within
 *       64 MiB): the row is bad and ends at the end of the line holding the
 *       opening quote; reading resumes on the next line. Since no quote closed the field, every
 *       {@code "} after it came in pairs, so the lines that follow read as ordinary rows instead
 *       of disappearing into the bad one.</li>
 * </ul>
 * A header row with either problem stops the run whatever the policy.
 */
public final class CsvSource implements AutoCloseable {
    private static final int MAX_RECORD_MIB = 64;
    private static final int MAX_RECORD_BYTES = MAX_RECORD_MIB << 20;
    private static final String UNTERMINATED = "unterminated quoted field (no closing '\"' before end of file)";
    private static final String UNTERMINATED_LONG = "unterminated quoted field (no closing '\"' within "
        + MAX_RECORD_MIB + " MiB)";
    private static final String AFTER_QUOTE = "unexpected character after closing quote (expected ',' or end of line)";

    private final String name;
    private final Schema schema;
    private final InputStream in;
    private final StringDictionary dictionary;
    private final int eventTimeColumn;
    /** The table's watermark over all its files; this file is partition {@link #sourceIndex} of it. */
    private final WatermarkMerger watermark;
    private final int sourceIndex;
    private final BadRowPolicy policy;
    private final RejectedRows rejects;
    private final NumberParsing numbers = new NumberParsing();

    /** Schema column index of each file field, -1 for ignored fields. */
    private int[] fieldToColumn;
    private int fieldCount;

    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;

    /** Field boundaries of the current record, relative to {@link #buf}. */
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private boolean[] fieldQuoted = new boolean[16];
    private int fields;
    private long line = 1;
    private long recordLine;
    private int recordStart;
    private byte[] unescaped = new byte[256];

    /** Why the current record cannot be split into fields (malformed quoting), or null. */
    private String malformed;
    private long malformedLine;
    private int malformedColumn;
    /** A quoted field is being read: a record outgrowing the buffer then ends the field instead of the run. */
    private boolean inQuotes;
    /** The buffer could not grow while {@link #inQuotes}. */
    private boolean quoteOverflow;

    private long rowsRead;
    private long rowsRejected;

    /**
     * A single-file source with its own watermark (the file is the table's only partition).
     *
     * @param path            the file
     * @param name            the file name used in messages (as the user gave it)
     * @param schema          the table's columns
     * @param dictionary      where VARCHAR values are interned
     * @param eventTimeColumn the column the watermark is declared on, or -1
     * @param delayMillis     the watermark delay (ignored without an event-time column)
     * @param policy          what to do with bad rows
     * @param rejects         where skipped rows go (used with {@link BadRowPolicy#SKIP})
     * @throws DataException  if the file is missing, unreadable, or its header is unusable
     */
    public CsvSource(final Path path, final String name, final Schema schema, final StringDictionary dictionary,
                     final int eventTimeColumn, final long delayMillis, final BadRowPolicy policy,
                     final RejectedRows rejects) {
        this(path, name, 0, schema, dictionary, eventTimeColumn,
            new WatermarkMerger(1, Math.max(0, delayMillis), 0), policy, rejects);
    }

    /**
     * One file of a table that may have several ({@link TableSource}).
     *
     * @param sourceIndex the file's index among the table's files (its watermark partition, and
     *                    the source index of its rows in a batch)
     * @param watermark   the table's watermark, shared by its files
     */
    public CsvSource(final Path path, final String name, final int sourceIndex, final Schema schema,
                     final StringDictionary dictionary, final int eventTimeColumn, final WatermarkMerger watermark,
                     final BadRowPolicy policy, final RejectedRows rejects) {
        this.name = name;
        this.sourceIndex = sourceIndex;
        this.schema = schema;
        this.dictionary = dictionary;
        this.eventTimeColumn = eventTimeColumn;
        this.watermark = watermark;
        this.policy = policy;
        this.rejects = rejects;
        try {
            this.in = Files.newInputStream(path);
        } catch (final NoSuchFileException e) {
            throw new DataException(name, "input file not found (" + path.toAbsolutePath() + ")");
        } catch (final IOException e) {
            throw new DataException(name, "cannot read input file: " + e.getMessage());
        }
        readHeader();
    }

    /** The file name used in messages. */
    public String name() {
        return name;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** The table's watermark after the rows read so far ({@link ColumnBatch#NO_WATERMARK} without one). */
    public long watermark() {
        return eventTimeColumn < 0 ? ColumnBatch.NO_WATERMARK : watermark.current();
    }

    private void readHeader() {
        if (!nextRecord()) {
            throw new DataException(name + ":1:1", "empty file: a header row naming the columns is required");
        }
        if (malformed != null) {
            throw new DataException(name + ":" + malformedLine + ":" + malformedColumn, malformed);
        }
        fieldCount = fields;
        fieldToColumn = new int[fields];
        final boolean[] seen = new boolean[schema.size()];
        for (int f = 0; f < fields; f++) {
            final String header = rawText(f).strip();
            final int column = schema.indexOf(header);
            fieldToColumn[f] = column;
            if (column >= 0) {
                if (seen[column]) {
                    throw new DataException(position(f),
                        "column '" + MessageText.value(header) + "' appears twice in the header");
                }
                seen[column] = true;
            }
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new DataException(name + ":" + recordLine + ":1",
                    "header has no column '" + nameOf(schema.column(c)) + "' (header: " + headerText() + ")");
            }
        }
    }

    private String headerText() {
        final StringBuilder sb = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            sb.append(f == 0 ? "" : ",").append(text(f));
        }
        return sb.toString();
    }

    /**
     * Refills {@code batch} with the next rows (up to its capacity).
     *
     * @return false when the input is exhausted and no row was added
     */
    public boolean next(final ColumnBatch batch) {
        batch.reset();
        batch.sourceNames(name);
        while (!batch.isFull() && readRow(batch)) {
            // one record per call
        }
        batch.watermarkAfter(watermark());
        return batch.rowCount() > 0;
    }

    /**
     * Reads the next record into a new row of {@code batch} (which must have room), or hands it
     * to the bad-row policy. At end of file, tells the watermark this partition ended.
     *
     * @return false at end of file (nothing was read)
     */
    public boolean readRow(final ColumnBatch batch) {
        if (!nextRecord()) {
            if (!ended) {
                ended = true;
                watermark.end(sourceIndex);
            }
            return false;
        }
        rowsRead++;
        if (malformed != null) {
            if (policy == BadRowPolicy.FAIL) {
                throw new DataException(name + ":" + malformedLine + ":" + malformedColumn, malformed);
            }
            rowsRejected++;
            rejects.reject(name, recordLine, malformedColumn, malformed, recordText());
            return true;
        }
        final String problem = decodeRow(batch);
        if (problem != null) {
            batch.removeLastRow();
            final String where = problemAtEnd ? name + ":" + lineOf(fieldEnd[fields - 1]) + ":" + endColumn() : position(problemField);
            if (policy == BadRowPolicy.FAIL) {
                throw new DataException(where, problem);
            }
            rowsRejected++;
            rejects.reject(name, recordLine, problemAtEnd ? endColumn() : column(problemField), problem, recordText());
        }
        return true;
    }

    private boolean ended;

    private int problemField;
    /** The problem is a missing field: point just past the record's last field. */
    private boolean problemAtEnd;

    /** Decodes the current record into a new row of {@code batch}; returns a reason, or null when fine. */
    private String decodeRow(final ColumnBatch batch) {
        problemField = fields == 0 ? 0 : fields - 1;
        problemAtEnd = fields < fieldCount;
        final int row = batch.addRow(sourceIndex, recordLine, watermark());
        if (fields != fieldCount) {
            problemField = Math.min(fields, fieldCount);
            return (fields < fieldCount ? "too few fields" : "too many fields")
                + " (expected " + fieldCount + ", found " + fields + ")";
        }
        long eventTime = 0;
        for (int f = 0; f < fields; f++) {
            final int c = fieldToColumn[f];
            if (c < 0) {
                continue;
            }
            problemField = f;
            final ColumnVector v = batch.column(c);
            int s = fieldStart[f];
            int e = fieldEnd[f];
            final boolean quoted = fieldQuoted[f];
            if (s == e && !quoted) {
                if (!v.nullable()) {
                    return "NULL (empty field) in NOT NULL column '" + nameOf(schema.column(c)) + "'";
                }
                if (c == eventTimeColumn) {
                    return "NULL event time in column '" + nameOf(schema.column(c)) + "' (it carries the WATERMARK)";
                }
                v.setNull(row);
                continue;
            }
            byte[] b = buf;
            if (quoted) {
                b = unescape(s, e);
                e = e - s - quoteCount;
                s = 0;
            }
            final Column column = schema.column(c);
            if (column.type() != io.sluice.runtime.type.SqlType.VARCHAR) {
                while (s < e && b[s] == ' ') {
                    s++;
                }
                while (e > s && b[e - 1] == ' ') {
                    e--;
                }
            }
            switch (column.type()) {
                case BIGINT -> {
                    if (!numbers.parseLong(b, s, e)) {
                        return "not a BIGINT: '" + text(b, s, e) + "' (column '" + nameOf(column) + "')";
                    }
                    v.setLong(row, numbers.longValue);
                }
                case INT -> {
                    if (!numbers.parseLong(b, s, e) || numbers.longValue != (int) numbers.longValue) {
                        return "not an INT: '" + text(b, s, e) + "' (column '" + nameOf(column) + "')";
                    }
                    v.setInt(row, (int) numbers.longValue);
                }
                case DOUBLE -> {
                    if (!numbers.parseDouble(b, s, e)) {
                        return "not a DOUBLE: '" + text(b, s, e) + "' (column '" + nameOf(column) + "')";
                    }
                    v.setDouble(row, numbers.doubleValue);
                }
                case BOOLEAN -> {
                    final int len = e - s;
                    if (len == 4 && matches(b, s, "true")) {
                        v.setBoolean(row, true);
                    } else if (len == 5 && matches(b, s, "false")) {
                        v.setBoolean(row, false);
                    } else {
                        return "not a BOOLEAN (true or false): '" + text(b, s, e) + "' (column '" + nameOf(column)
                            + "')";
                    }
                }
                case TIMESTAMP -> {
                    final long ts = Timestamps.parse(b, s, e - s);
                    if (ts == Timestamps.INVALID) {
                        return "not a TIMESTAMP (yyyy-MM-dd HH:mm:ss[.SSS] or epoch milliseconds): '"
                            + text(b, s, e) + "' (column '" + nameOf(column) + "')";
                    }
                    v.setLong(row, ts);
                    if (c == eventTimeColumn) {
                        eventTime = ts;
                    }
                }
                case VARCHAR -> {
                    final int code = dictionary.intern(b, s, e - s);
                    if (code == StringDictionary.INVALID_UTF8) {
                        return "invalid UTF-8 in column '" + nameOf(column) + "'";
                    }
                    v.setInt(row, code);
                }
                default -> throw new IllegalStateException("unhandled type " + column.type());
            }
        }
        if (eventTimeColumn >= 0) {
            watermark.observe(sourceIndex, eventTime);
        }
        return null;
    }

    /** A column's name in a message (names may hold any character). */
    private static String nameOf(final Column column) {
        return MessageText.escape(column.name());
    }

    private static boolean matches(final byte[] b, final int s, final String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((b[s + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int quoteCount;

    /** Copies a quoted field's content without its escape quotes into {@link #unescaped}. */
    private byte[] unescape(final int s, final int e) {
        if (unescaped.length < e - s) {
            unescaped = new byte[Math.max(e - s, unescaped.length * 2)];
        }
        int n = 0;
        quoteCount = 0;
        for (int i = s; i < e; i++) {
            unescaped[n++] = buf[i];
            if (buf[i] == '"') {
                i++; // "" -> "
                quoteCount++;
            }
        }
        return unescaped;
    }

    // ---------------------------------------------------------------- record splitting

    /**
     * Reads the next record into the field arrays: the next non-blank one, or in a one-column file
     * the next line. Returns false at end of input. Quoted fields' boundaries exclude the quotes but
     * still contain doubled quotes. A record with malformed quoting sets {@link #malformed} (its
     * fields are then meaningless) and ends as the class comment says.
     */
    private boolean nextRecord() {
        malformed = null;
        fields = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            final byte c = buf[pos];
            if (c == '\n' || c == '\r') {
                if (fieldCount == 1) { // a one-column NULL: one empty field
                    recordLine = line;
                    recordStart = pos;
                    fieldStart[0] = pos;
                    fieldEnd[0] = pos;
                    fieldQuoted[0] = false;
                    fields = 1;
                    consumeLineEnd();
                    return true;
                }
                consumeLineEnd();
                continue;
            }
            break;
        }
        recordLine = line;
        recordStart = pos;
        while (true) {
            if (fields == fieldStart.length) {
                fieldStart = Arrays.copyOf(fieldStart, fields * 2);
                fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
                fieldQuoted = Arrays.copyOf(fieldQuoted, fields * 2);
            }
            final int f = fields++;
            if (pos >= limit && !fill()) {
                fieldStart[f] = pos;
                fieldEnd[f] = pos;
                fieldQuoted[f] = false;
                return true;
            }
            if (buf[pos] == '"') {
                if (!readQuoted(f)) {
                    return true; // unterminated: the record ended with the opening quote's line
                }
            } else {
                fieldQuoted[f] = false;
                fieldStart[f] = pos;
                while (true) {
                    if (pos >= limit && !fill()) {
                        break;
                    }
                    final byte c = buf[pos];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    pos++;
                }
                fieldEnd[f] = pos;
            }
            if (pos >= limit && !fill()) {
                return true;
            }
            final byte c = buf[pos];
            if (c == ',') {
                pos++;
                continue;
            }
            consumeLineEnd();
            return true;
        }
    }

    /**
     * Reads the quoted field {@code f} whose opening quote is at {@link #pos}. Text after the closing
     * quote marks the record malformed and is read as part of the field. Returns false when the
     * quote is never closed: the record is then malformed and ends with the opening quote's line,
     * and {@link #pos} is at the start of the next line.
     */
    private boolean readQuoted(final int f) {
        final long openLine = line;
        final int openOffset = pos - recordStart; // recordStart moves when the buffer is compacted
        fieldQuoted[f] = true;
        pos++;
        fieldStart[f] = pos;
        inQuotes = true;
        try {
            while (true) {
                if (pos >= limit && !fill()) {
                    unterminated(openLine, recordStart + openOffset);
                    return false;
                }
                final byte c = buf[pos];
                if (c == '"') {
                    if (pos + 1 >= limit && !fill(1)) {
                        if (quoteOverflow) {
                            unterminated(openLine, recordStart + openOffset);
                            return false;
                        }
                        fieldEnd[f] = pos++;
                        return true;
                    }
                    if (buf[pos + 1] == '"') {
                        pos += 2;
                        continue;
                    }
                    fieldEnd[f] = pos++;
                    inQuotes = false;
                    if ((pos < limit || fill()) && !isFieldEnd(buf[pos])) {
                        malformed(line, columnOf(pos), AFTER_QUOTE);
                        while ((pos < limit || fill()) && !isFieldEnd(buf[pos])) {
                            pos++;
                        }
                    }
                    return true;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '\r' && (!(pos + 1 < limit || fill(1)) || buf[pos + 1] != '\n')) {
                    line++;
                }
                pos++;
            }
        } finally {
            inQuotes = false;
        }
    }

    private static boolean isFieldEnd(final byte c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /** Notes the record's first problem. */
    private void malformed(final long atLine, final int atColumn, final String reason) {
        if (malformed == null) {
            malformed = reason;
            malformedLine = atLine;
            malformedColumn = atColumn;
        }
    }

    /**
     * The quote opened at {@code open} (on line {@code openLine}) is never closed: the record is
     * malformed and ends at the end of that line; reading resumes on the next one.
     */
    private void unterminated(final long openLine, final int open) {
        malformed(openLine, columnOf(open), quoteOverflow ? UNTERMINATED_LONG : UNTERMINATED);
        quoteOverflow = false;
        int p = open + 1;
        while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
            p++;
        }
        pos = p;
        line = openLine;
        if (pos < limit) {
            consumeLineEnd();
        }
    }

    private void consumeLineEnd() {
        if (buf[pos] == '\r') {
            pos++;
            if ((pos < limit || fill()) && buf[pos] == '\n') {
                pos++;
            }
        } else {
            pos++;
        }
        line++;
    }

    private boolean fill() {
        return fill(0);
    }

    /**
     * Makes at least {@code extra + 1} more bytes available after {@link #pos}, keeping the current
     * record in the buffer (the buffer grows for long records). Field offsets are rebased.
     */
    private boolean fill(final int extra) {
        if (eof) {
            return pos + extra < limit;
        }
        while (pos + extra >= limit && !eof) {
            final int keep = recordStartFor(pos);
            if (keep > 0) {
                System.arraycopy(buf, keep, buf, 0, limit - keep);
                for (int f = 0; f < fields; f++) {
                    fieldStart[f] -= keep;
                    fieldEnd[f] -= keep;
                }
                pos -= keep;
                limit -= keep;
                recordStart -= keep;
            }
            if (limit == buf.length) {
                if (buf.length >= MAX_RECORD_BYTES) {
                    if (inQuotes) {
                        quoteOverflow = true;
                        return false;
                    }
                    throw new DataException(name + ":" + recordLine, "record longer than " + MAX_RECORD_MIB + " MiB");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            try {
                final int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            } catch (final IOException e) {
                throw new DataException(name, "cannot read input file: " + e.getMessage());
            }
        }
        return pos + extra < limit;
    }

    private int recordStartFor(final int position) {
        return Math.min(recordStart, position);
    }

    // ---------------------------------------------------------------- messages

    private String text(final int f) {
        return MessageText.value(rawText(f));
    }

    /** Field {@code f} of the current record, whole ({@link #text(int)} cuts long values for messages). */
    private String rawText(final int f) {
        if (fieldQuoted[f]) {
            final byte[] b = unescape(fieldStart[f], fieldEnd[f]);
            return new String(b, 0, fieldEnd[f] - fieldStart[f] - quoteCount, StandardCharsets.UTF_8);
        }
        return new String(buf, fieldStart[f], fieldEnd[f] - fieldStart[f], StandardCharsets.UTF_8);
    }

    private static String text(final byte[] b, final int s, final int e) {
        return MessageText.value(new String(b, s, e - s, StandardCharsets.UTF_8));
    }

    /** 1-based column just past the current record's last field. */
    private int endColumn() {
        final int last = fields - 1;
        return columnOf(fieldEnd[last]) + (fieldQuoted[last] ? 1 : 0);
    }

    private String position(final int f) {
        final int at = f < 0 || f >= fields ? recordStart : fieldQuoted[f] ? fieldStart[f] - 1 : fieldStart[f];
        return name + ":" + lineOf(at) + ":" + column(f);
    }

    /** 1-based line of {@code position} in the current record (which may span lines inside quotes). */
    private long lineOf(final int position) {
        long l = recordLine;
        for (int i = recordStart; i < position; i++) {
            if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= position || buf[i + 1] != '\n'))) {
                l++;
            }
        }
        return l;
    }

    /** 1-based character column of field {@code f} in its line (the opening quote for a quoted field). */
    private int column(final int f) {
        if (f < 0 || f >= fields) {
            return 1;
        }
        return columnOf(fieldQuoted[f] ? fieldStart[f] - 1 : fieldStart[f]);
    }

    private int columnOf(final int position) {
        int lineStart = Math.min(recordStart, position);
        for (int i = position - 1; i >= recordStart; i--) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                lineStart = i + 1;
                break;
            }
        }
        int chars = 0;
        for (int i = lineStart; i < position; i++) {
            if ((buf[i] & 0xC0) != 0x80) {
                chars++;
            }
        }
        return chars + 1;
    }

    private String recordText() {
        int end = pos;
        while (end > recordStart && (buf[end - 1] == '\n' || buf[end - 1] == '\r')) {
            end--;
        }
        return new String(buf, recordStart, end - recordStart, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (final IOException ignored) {
            // nothing was written; closing a read stream cannot lose data
        }
    }

    @Override
    public String toString() {
        return "CsvSource[" + name + ", columns " + schema + ", fields " + fieldCount + "]";
    }
}
