package io.sluice.runtime.type;

import java.util.Objects;

/** A named, typed column of a schema. Names keep the case they were declared with. */
public record Column(String name, SqlType type, boolean nullable) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " " + type.sqlName() + (nullable ? "" : " NOT NULL");
    }
}
