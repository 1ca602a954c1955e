package io.sluice.compiler.plan;

import io.sluice.runtime.type.Column;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** A declared table as Calcite's validator sees it: just a row type. */
final class SluiceTable extends AbstractTable {
    private final TableDefinition definition;

    SluiceTable(final TableDefinition definition) {
        this.definition = definition;
    }

    TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(final RelDataTypeFactory factory) {
        final RelDataTypeFactory.Builder builder = factory.builder();
        for (final Column c : definition.schema().columns()) {
            final RelDataType type = switch (c.type()) {
                case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
                case INT -> factory.createSqlType(SqlTypeName.INTEGER);
                case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
                case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
                case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
                case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            };
            builder.add(c.name(), factory.createTypeWithNullability(type, c.nullable()));
        }
        return builder.build();
    }
}
