package io.sluice.compiler.codegen;

import io.sluice.runtime.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;

/** How SQL types appear in generated Java. */
public final class JavaType {
    private JavaType() {
    }

    /** Sluice's type of a Calcite type, or null if Sluice cannot represent it. */
    public static SqlType of(final RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> SqlType.BOOLEAN;
            case TINYINT, SMALLINT, INTEGER -> SqlType.INT;
            case BIGINT -> SqlType.BIGINT;
            case FLOAT, REAL, DOUBLE, DECIMAL -> SqlType.DOUBLE;
            case CHAR, VARCHAR -> SqlType.VARCHAR;
            case TIMESTAMP -> SqlType.TIMESTAMP;
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                 INTERVAL_SECOND -> SqlType.BIGINT;
            default -> null;
        };
    }

    /** The Java type holding a value of {@code type} in generated code. */
    public static String name(final SqlType type) {
        return switch (type) {
            case BOOLEAN -> "boolean";
            case INT -> "int";
            case BIGINT, TIMESTAMP -> "long";
            case DOUBLE -> "double";
            case VARCHAR -> "String";
        };
    }

    /** The Java zero value of {@code type}, used for the value slot of a NULL. */
    public static String zero(final SqlType type) {
        return switch (type) {
            case BOOLEAN -> "false";
            case INT -> "0";
            case BIGINT, TIMESTAMP -> "0L";
            case DOUBLE -> "0.0d";
            case VARCHAR -> "null";
        };
    }

    /** The {@code ResultRow} setter for {@code type}. */
    public static String rowSetter(final SqlType type) {
        return switch (type) {
            case BOOLEAN -> "setBoolean";
            case INT, BIGINT, TIMESTAMP -> "setLong";
            case DOUBLE -> "setDouble";
            case VARCHAR -> "setString";
        };
    }

    /** A Java string literal for {@code s}. */
    public static String stringLiteral(final String s) {
        final StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
