package io.sluice.bench.compare;

import io.sluice.runtime.time.Timestamps;
import io.sluice.runtime.type.SqlType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How a result column is compared across engines: whole numbers exactly, doubles within a
 * relative tolerance, strings exactly, timestamps as epoch milliseconds (UTC).
 */
enum Kind {
    LONG, DOUBLE, STRING, TIMESTAMP;

    static Kind of(final SqlType type) {
        return switch (type) {
            case BOOLEAN, INT, BIGINT -> LONG;
            case DOUBLE -> DOUBLE;
            case VARCHAR -> STRING;
            case TIMESTAMP -> TIMESTAMP;
        };
    }

    /** The SQL type name DuckDB's read_csv is told. */
    String duckDbType() {
        return switch (this) {
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case STRING -> "VARCHAR";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** The canonical value (Long, Double or String) of an engine's value for this kind; null stays null. */
    Object canon(final Object v) {
        if (v == null) {
            return null;
        }
        return switch (this) {
            case LONG -> {
                if (v instanceof Boolean b) {
                    yield b ? 1L : 0L;
                }
                if (v instanceof BigDecimal d) {
                    yield d.longValueExact();
                }
                if (v instanceof Number n) {
                    yield n.longValue();
                }
                yield Long.parseLong(v.toString().trim());
            }
            case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            case STRING -> v.toString();
            case TIMESTAMP -> {
                if (v instanceof Timestamp t) {
                    yield t.getTime();
                }
                if (v instanceof LocalDateTime t) {
                    yield t.toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                if (v instanceof OffsetDateTime t) {
                    yield t.toInstant().toEpochMilli();
                }
                if (v instanceof Instant t) {
                    yield t.toEpochMilli();
                }
                if (v instanceof Number n) {
                    yield n.longValue();
                }
                yield parseTimestamp(v.toString());
            }
        };
    }

    /** Canonical value of CSV text (null for an empty field). */
    Object parse(final String text) {
        if (text == null || (text.isEmpty() && this != STRING)) {
            return null;
        }
        return this == TIMESTAMP ? parseTimestamp(text) : canon(text);
    }

    static long parseTimestamp(final String text) {
        String t = text.trim();
        // DuckDB writes sub-second digits only when present, up to microseconds: keep milliseconds
        final int dot = t.indexOf('.');
        if (dot > 0 && t.length() > dot + 4) {
            t = t.substring(0, dot + 4);
        }
        final long v = Timestamps.parse(t);
        if (v == Timestamps.INVALID) {
            throw new IllegalArgumentException("not a timestamp: '" + text + "'");
        }
        return v;
    }
}
