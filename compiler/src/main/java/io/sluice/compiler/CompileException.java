package io.sluice.compiler;

/**
 * A query that cannot be compiled: a syntax error, an unknown table or column, a type mismatch, an
 * unsupported construct. Carries the 1-based line and column in the SQL text (0 when unknown) and
 * a one-line message.
 */
public final class CompileException extends Exception {
    private final int line;
    private final int column;
    private final String reason;

    public CompileException(final int line, final int column, final String reason) {
        super(line > 0 ? line + ":" + column + ": " + reason : reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without position. */
    public String reason() {
        return reason;
    }

    /** {@code file:line:column: reason}, or {@code file: reason} without a position. */
    public String format(final String file) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + reason : file + ": " + reason;
    }
}
