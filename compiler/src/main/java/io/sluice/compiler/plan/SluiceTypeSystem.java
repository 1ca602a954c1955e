package io.sluice.compiler.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Sluice's type rules where they differ from Calcite's defaults: SUM of an integer is BIGINT (an
 * overflow is an error, not a wrap), AVG is always DOUBLE, and CASE over strings of different
 * lengths gives VARCHAR rather than a blank-padded CHAR.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {
    public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();

    private SluiceTypeSystem() {
    }

    @Override
    public RelDataType deriveSumType(final RelDataTypeFactory factory, final RelDataType argumentType) {
        final SqlTypeName name = argumentType.getSqlTypeName();
        final SqlTypeName result = switch (name) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> SqlTypeName.BIGINT;
            case FLOAT, REAL, DOUBLE -> SqlTypeName.DOUBLE;
            default -> null;
        };
        if (result == null) {
            return super.deriveSumType(factory, argumentType);
        }
        return factory.createTypeWithNullability(factory.createSqlType(result), argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(final RelDataTypeFactory factory, final RelDataType argumentType) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
