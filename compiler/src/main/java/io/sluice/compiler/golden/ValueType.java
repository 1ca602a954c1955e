package io.sluice.compiler.golden;

import java.util.Locale;

/**
 * How the cells of one result column are compared (see {@link ValueComparison}). This is a
 * comparison class, not a SQL type: INT and BIGINT are both {@link #INTEGER}.
 */
public enum ValueType {
    /** Whole numbers of any width, compared exactly. */
    INTEGER,
    /** Floating point numbers, compared with a relative tolerance; NaN equals NaN. */
    DOUBLE,
    /** {@code true}/{@code false}, compared case-insensitively. */
    BOOLEAN,
    /** Timestamps, compared after normalising to {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    TIMESTAMP,
    /** Everything else: compared as exact text. */
    STRING;

    /**
     * Maps a SQL type name as reported by a JDBC driver ({@code ResultSetMetaData.getColumnTypeName},
     * e.g. {@code BIGINT}, {@code HUGEINT}, {@code DECIMAL(12,1)}, {@code TIMESTAMP(3)},
     * {@code VARCHAR}) or by Sluice's own schema to a comparison class. DECIMAL with a zero scale
     * is {@link #INTEGER}; any other DECIMAL is compared numerically as {@link #DOUBLE}.
     */
    public static ValueType fromSqlTypeName(String typeName) {
        String t = typeName.trim().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).trim();
        return switch (base) {
            case "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
                 "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT" -> INTEGER;
            case "DOUBLE", "FLOAT", "REAL", "DOUBLE PRECISION" -> DOUBLE;
            case "DECIMAL", "NUMERIC" -> decimalScale(t) == 0 ? INTEGER : DOUBLE;
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            case "TIMESTAMP", "TIMESTAMP_MS", "DATETIME" -> TIMESTAMP;
            default -> STRING;
        };
    }

    private static int decimalScale(String t) {
        int comma = t.indexOf(',');
        int close = t.indexOf(')');
        if (comma < 0 || close < comma) {
            return 0; // DECIMAL or DECIMAL(p): scale 0
        }
        return Integer.parseInt(t.substring(comma + 1, close).trim());
    }
}
