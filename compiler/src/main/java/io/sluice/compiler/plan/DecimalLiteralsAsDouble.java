package io.sluice.compiler.plan;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.util.SqlShuttle;

import java.math.BigDecimal;

/**
 * Sluice has no DECIMAL type: a numeric literal with a fraction ({@code 1.5}) or too large for
 * BIGINT is read as a DOUBLE, as the user of a streaming engine over CSV expects.
 */
final class DecimalLiteralsAsDouble extends SqlShuttle {
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    @Override
    public SqlNode visit(final SqlLiteral literal) {
        if (literal instanceof SqlNumericLiteral n && n.isExact()) {
            final BigDecimal value = n.getValueAs(BigDecimal.class);
            final boolean integral = value.scale() <= 0;
            if (!integral || value.compareTo(MIN_LONG) < 0 || value.compareTo(MAX_LONG) > 0) {
                return SqlLiteral.createApproxNumeric(value.toString() + "E0", literal.getParserPosition());
            }
        }
        return literal;
    }
}
