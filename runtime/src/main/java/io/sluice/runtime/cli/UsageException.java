package io.sluice.runtime.cli;

/** A problem with what the user asked for (flags, query file, SQL): exit code 2, one line. */
public final class UsageException extends Exception {
    public UsageException(final String message) {
        super(message, null, false, false);
    }
}
