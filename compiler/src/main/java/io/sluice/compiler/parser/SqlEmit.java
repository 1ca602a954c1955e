package io.sluice.compiler.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query with a trailing {@code EMIT CHANGES} or {@code EMIT FINAL}. A query written without
 * EMIT is parsed as the plain query node, never wrapped in this class.
 */
public final class SqlEmit extends SqlCall {
  /** How a query emits its results. */
  public enum EmitMode {
    /** {@code EMIT CHANGES}: a changelog, updated as rows arrive. */
    CHANGES,
    /** {@code EMIT FINAL}: final rows only, once the watermark has passed. */
    FINAL
  }

  /** The operator of every {@link SqlEmit}; operands are the query and a symbol literal. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("EMIT", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          SqlLiteral mode = (SqlLiteral) Objects.requireNonNull(operands[1], "mode");
          return new SqlEmit(
              pos,
              Objects.requireNonNull(operands[0], "query"),
              mode.getValueAs(EmitMode.class),
              mode.getParserPosition());
        }
      };

  private final SqlNode query;
  private final EmitMode mode;
  private final SqlParserPos emitPosition;

  /**
   * @param pos the whole statement, query and EMIT clause
   * @param query the query
   * @param mode CHANGES or FINAL
   * @param emitPosition the EMIT clause, from EMIT to CHANGES/FINAL
   */
  public SqlEmit(SqlParserPos pos, SqlNode query, EmitMode mode, SqlParserPos emitPosition) {
    super(pos);
    this.query = Objects.requireNonNull(query, "query");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.emitPosition = Objects.requireNonNull(emitPosition, "emitPosition");
  }

  /** The query before EMIT. */
  public SqlNode query() {
    return query;
  }

  /** CHANGES or FINAL. */
  public EmitMode mode() {
    return mode;
  }

  /** Position of the EMIT clause (from the EMIT keyword to CHANGES/FINAL). */
  public SqlParserPos emitPosition() {
    return emitPosition;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(query, SqlLiteral.createSymbol(mode, emitPosition));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    writer.newlineAndIndent();
    writer.keyword("EMIT");
    writer.keyword(mode.name());
  }
}
