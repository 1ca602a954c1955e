package io.sluice.compiler.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code WATERMARK FOR column AS expression} in a CREATE TABLE element list, typically
 * {@code WATERMARK FOR ts AS ts - INTERVAL '2' SECOND}. The parser accepts any non-query
 * expression; what shapes are supported is for the caller to check.
 */
public final class SqlWatermark extends SqlCall {
  /** The operator of every {@link SqlWatermark}; operands: column, expression. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("WATERMARK", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          return new SqlWatermark(
              pos,
              (SqlIdentifier) Objects.requireNonNull(operands[0], "column"),
              Objects.requireNonNull(operands[1], "expression"));
        }
      };

  private final SqlIdentifier column;
  private final SqlNode expression;

  /**
   * @param pos from WATERMARK to the end of the expression
   * @param column the event-time column
   * @param expression the watermark expression
   */
  public SqlWatermark(SqlParserPos pos, SqlIdentifier column, SqlNode expression) {
    super(pos);
    this.column = Objects.requireNonNull(column, "column");
    this.expression = Objects.requireNonNull(expression, "expression");
  }

  /** The event-time column named after {@code FOR}. */
  public SqlIdentifier column() {
    return column;
  }

  /** The expression after {@code AS}. */
  public SqlNode expression() {
    return expression;
  }

  /** Position of the clause, from WATERMARK to the end of the expression. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(column, expression);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("WATERMARK");
    writer.keyword("FOR");
    column.unparse(writer, 0, 0);
    writer.keyword("AS");
    expression.unparse(writer, 0, 0);
  }
}
