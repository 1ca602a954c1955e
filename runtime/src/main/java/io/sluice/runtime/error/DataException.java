package io.sluice.runtime.error;

/**
 * Bad data met while running a query: a malformed input row, a value a cast or an operator cannot
 * handle, a missing file, a limit reached. The message is one line, {@code where: reason}, where
 * {@code where} is {@code file:line:column}, {@code file:line} or a file name.
 */
public class DataException extends RuntimeException {
    private final String where;
    private final String reason;

    public DataException(final String where, final String reason) {
        super(where == null || where.isEmpty() ? reason : where + ": " + reason);
        this.where = where;
        this.reason = reason;
    }

    public DataException(final String where, final String reason, final Throwable cause) {
        super(where == null || where.isEmpty() ? reason : where + ": " + reason, cause);
        this.where = where;
        this.reason = reason;
    }

    /** The position ({@code file:line:column}) or source, possibly empty. */
    public String where() {
        return where;
    }

    /** The reason, without the position. */
    public String reason() {
        return reason;
    }
}
