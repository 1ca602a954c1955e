package io.sluice.runtime.expr;

/**
 * An expression could not be evaluated for a row (overflow, division by zero, a failing cast).
 * The kernel adds the row's position and rethrows it as a {@code DataException}.
 */
public final class ExpressionException extends RuntimeException {
    public ExpressionException(final String message) {
        super(message, null, false, false);
    }
}
