package io.sluice.compiler.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A column of {@code CREATE TABLE}: {@code name type [NOT NULL]}. */
public final class SqlTableColumn extends SqlCall {
  /** The operator of every {@link SqlTableColumn}; operands: name, type, nullable literal. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          return new SqlTableColumn(
              pos,
              (SqlIdentifier) Objects.requireNonNull(operands[0], "name"),
              (SqlDataTypeSpec) Objects.requireNonNull(operands[1], "type"),
              ((SqlLiteral) Objects.requireNonNull(operands[2], "nullable")).booleanValue());
        }
      };

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final boolean nullable;

  /**
   * @param pos from the column name to the end of its declaration
   * @param name the column name
   * @param type the declared type
   * @param nullable false when declared {@code NOT NULL}
   */
  public SqlTableColumn(
      SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, boolean nullable) {
    super(pos);
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
  }

  /** The column's name. */
  public SqlIdentifier name() {
    return name;
  }

  /** The column's name as written (case kept). */
  public String simpleName() {
    return name.getSimple();
  }

  /** The declared type (precision, e.g. {@code TIMESTAMP(3)}, included). */
  public SqlDataTypeSpec type() {
    return type;
  }

  /** False when the column is declared {@code NOT NULL}. */
  public boolean nullable() {
    return nullable;
  }

  /** Position of the declaration, from the name to the end of the type or NOT NULL. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, type, SqlLiteral.createBoolean(nullable, getParserPosition()));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (!nullable) {
      writer.keyword("NOT NULL");
    }
  }
}
