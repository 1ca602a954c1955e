package io.sluice.compiler.fuzz;

/** The column types the differential generator uses, with their spelling in Sluice and in DuckDB. */
enum FuzzType {
    BIGINT("BIGINT", "BIGINT"),
    INT("INT", "INTEGER"),
    DOUBLE("DOUBLE", "DOUBLE"),
    VARCHAR("VARCHAR", "VARCHAR"),
    BOOLEAN("BOOLEAN", "BOOLEAN"),
    TIMESTAMP("TIMESTAMP(3)", "TIMESTAMP");

    final String sluice;
    final String duck;

    FuzzType(final String sluice, final String duck) {
        this.sluice = sluice;
        this.duck = duck;
    }

    boolean numeric() {
        return this == BIGINT || this == INT || this == DOUBLE;
    }

    boolean integral() {
        return this == BIGINT || this == INT;
    }

    /** Types that can be compared with each other (numbers with numbers, else the same type). */
    boolean comparableWith(final FuzzType other) {
        return numeric() ? other.numeric() : this == other;
    }

    /** The type of {@code a op b} for + - * / % in Sluice (Calcite) and DuckDB (for // and %). */
    static FuzzType arithmetic(final FuzzType a, final FuzzType b) {
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        return a == BIGINT || b == BIGINT ? BIGINT : INT;
    }
}
