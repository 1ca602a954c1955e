package io.sluice.compiler.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.Collections;
import java.util.List;

/**
 * Flink's {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset])} window table function,
 * which Calcite 1.42 does not have: registered in the validator's operator table (see
 * {@link QueryPlanner}), checked like Calcite's own {@code SqlHopTableFunction} (a table, a
 * descriptor naming one of its timestamp columns, then intervals) and typed like every window
 * table function (the table's columns plus {@code window_start}, {@code window_end}).
 */
public final class SqlCumulateTableFunction extends SqlWindowTableFunction {
    /** The one instance the operator table holds. */
    public static final SqlCumulateTableFunction INSTANCE = new SqlCumulateTableFunction();

    private SqlCumulateTableFunction() {
        super("CUMULATE", new OperandMetadata());
    }

    /** Operands DATA, TIMECOL, STEP, SIZE and optionally OFFSET. */
    private static final class OperandMetadata implements SqlOperandMetadata {
        private static final List<String> NAMES = List.of("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET");

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(4, 5);
        }

        @Override
        public List<RelDataType> paramTypes(final RelDataTypeFactory typeFactory) {
            return Collections.nCopies(NAMES.size(), typeFactory.createSqlType(SqlTypeName.ANY));
        }

        @Override
        public List<String> paramNames() {
            return NAMES;
        }

        @Override
        public boolean isOptional(final int i) {
            return i > 3;
        }

        @Override
        public boolean checkOperandTypes(final SqlCallBinding binding, final boolean throwOnFailure) {
            final boolean ok = tableAndTimeDescriptor(binding) && intervals(binding);
            if (!ok && throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return ok;
        }

        /** Operand 0 is a table, operand 1 {@code DESCRIPTOR(col)} naming one of its timestamp columns. */
        private static boolean tableAndTimeDescriptor(final SqlCallBinding binding) {
            final SqlNode table = binding.operand(0);
            final SqlNode descriptor = binding.operand(1);
            if (table.getKind() != SqlKind.EXPLICIT_TABLE && table.getKind() != SqlKind.SELECT
                && table.getKind() != SqlKind.SET_SEMANTICS_TABLE) {
                return false;
            }
            if (descriptor.getKind() != SqlKind.DESCRIPTOR || ((SqlCall) descriptor).operandCount() != 1
                || !(((SqlCall) descriptor).operand(0) instanceof SqlIdentifier column)) {
                return false;
            }
            final SqlValidator validator = binding.getValidator();
            final RelDataType rowType = validator.getValidatedNodeType(table);
            final SqlNameMatcher matcher = validator.getCatalogReader().nameMatcher();
            for (final RelDataTypeField field : rowType.getFieldList()) {
                if (matcher.matches(field.getName(), column.getSimple())) {
                    return SqlTypeUtil.isTimestamp(field.getType());
                }
            }
            return false;
        }

        private static boolean intervals(final SqlCallBinding binding) {
            for (int i = 2; i < binding.getOperandCount(); i++) {
                if (!SqlTypeUtil.isInterval(binding.getOperandType(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String getAllowedSignatures(final SqlOperator op, final String opName) {
            return opName + "(TABLE table_name, DESCRIPTOR(timecol), datetime interval, datetime interval"
                + "[, datetime interval])";
        }
    }
}
