package io.sluice.runtime.sink;

/** The change a result row stands for. Append and final-window results are all {@link #INSERT}. */
public enum RowKind {
    INSERT("+I"),
    UPDATE_BEFORE("-U"),
    UPDATE_AFTER("+U"),
    DELETE("-D");

    private final String shortName;

    RowKind(final String shortName) {
        this.shortName = shortName;
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}: the changelog's {@code op} column. */
    public String shortName() {
        return shortName;
    }
}
