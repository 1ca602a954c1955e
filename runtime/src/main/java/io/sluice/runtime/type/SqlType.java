package io.sluice.runtime.type;

/**
 * The column types Sluice runs on, with their physical width in a {@code ColumnBatch}.
 *
 * <p>TIMESTAMP is epoch milliseconds (UTC) in a long; VARCHAR is a 4-byte code into the batch's
 * {@code StringDictionary}; BOOLEAN is one byte (0 or 1).
 */
public enum SqlType {
    BOOLEAN(1),
    INT(4),
    BIGINT(8),
    DOUBLE(8),
    VARCHAR(4),
    TIMESTAMP(8);

    private final int width;

    SqlType(final int width) {
        this.width = width;
    }

    /** Bytes per value in a column buffer. */
    public int width() {
        return width;
    }

    /** The SQL spelling used in messages and plans. */
    public String sqlName() {
        return this == TIMESTAMP ? "TIMESTAMP(3)" : name();
    }
}
