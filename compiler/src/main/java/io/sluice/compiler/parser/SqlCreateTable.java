package io.sluice.compiler.parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [OR REPLACE] TABLE name (column, ... [, WATERMARK FOR col AS expr])
 * [WITH ('key' = 'value', ...)]}.
 *
 * <p>Columns and options are kept in the order written. Duplicate column names and duplicate
 * option keys are not rejected here: callers check them, using the positions of the nodes.
 */
public final class SqlCreateTable extends SqlCreate {
  /**
   * The operator of every {@link SqlCreateTable}; operands: name, column list, watermark (may be
   * null), option list, OR REPLACE as a boolean literal.
   */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          return new SqlCreateTable(
              pos,
              operands.length > 4
                  && operands[4] != null
                  && ((SqlLiteral) operands[4]).booleanValue(),
              (SqlIdentifier) Objects.requireNonNull(operands[0], "name"),
              (SqlNodeList) Objects.requireNonNull(operands[1], "columns"),
              (SqlWatermark) operands[2],
              (SqlNodeList) Objects.requireNonNull(operands[3], "options"));
        }
      };

  private final SqlIdentifier name;
  private final SqlNodeList columnList;
  private final @Nullable SqlWatermark watermark;
  private final SqlNodeList optionList;

  /**
   * @param pos the whole statement
   * @param replace whether {@code OR REPLACE} was written
   * @param name table name
   * @param columnList {@link SqlTableColumn}s, in order
   * @param watermark the WATERMARK clause, or null
   * @param optionList {@link SqlTableOption}s, in order (empty without WITH)
   */
  public SqlCreateTable(
      SqlParserPos pos,
      boolean replace,
      SqlIdentifier name,
      SqlNodeList columnList,
      @Nullable SqlWatermark watermark,
      SqlNodeList optionList) {
    super(OPERATOR, pos, replace, false);
    this.name = Objects.requireNonNull(name, "name");
    this.columnList = Objects.requireNonNull(columnList, "columnList");
    this.watermark = watermark;
    this.optionList = Objects.requireNonNull(optionList, "optionList");
    for (SqlNode n : columnList) {
      if (!(n instanceof SqlTableColumn)) {
        throw new IllegalArgumentException("not a column: " + n);
      }
    }
    for (SqlNode n : optionList) {
      if (!(n instanceof SqlTableOption)) {
        throw new IllegalArgumentException("not an option: " + n);
      }
    }
  }

  /** The table name (possibly compound, e.g. {@code s.t}). */
  public SqlIdentifier name() {
    return name;
  }

  /** The columns in declaration order. */
  public List<SqlTableColumn> columns() {
    List<SqlTableColumn> columns = new ArrayList<>(columnList.size());
    for (SqlNode n : columnList) {
      columns.add((SqlTableColumn) n);
    }
    return Collections.unmodifiableList(columns);
  }

  /** The columns as a node list (its position spans the parenthesised element list). */
  public SqlNodeList columnList() {
    return columnList;
  }

  /** The WATERMARK clause, if any. */
  public Optional<SqlWatermark> watermark() {
    return Optional.ofNullable(watermark);
  }

  /** The WITH options in the order written, duplicates included. */
  public List<SqlTableOption> optionList() {
    List<SqlTableOption> options = new ArrayList<>(optionList.size());
    for (SqlNode n : optionList) {
      options.add((SqlTableOption) n);
    }
    return Collections.unmodifiableList(options);
  }

  /**
   * The WITH options as a map in the order keys first appear; for a key written twice the last
   * value wins (use {@link #optionList()} to detect duplicates).
   */
  public Map<String, String> options() {
    Map<String, String> map = new LinkedHashMap<>();
    for (SqlTableOption o : optionList()) {
      map.put(o.key(), o.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Whether {@code OR REPLACE} was written. */
  public boolean replace() {
    return getReplace();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        name,
        columnList,
        watermark,
        optionList,
        SqlLiteral.createBoolean(getReplace(), getParserPosition()));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    writer.keyword("TABLE");
    name.unparse(writer, leftPrec, rightPrec);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode column : columnList) {
      writer.sep(",");
      column.unparse(writer, 0, 0);
    }
    if (watermark != null) {
      writer.sep(",");
      watermark.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    if (!optionList.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame options = writer.startList("(", ")");
      for (SqlNode option : optionList) {
        writer.sep(",");
        option.unparse(writer, 0, 0);
      }
      writer.endList(options);
    }
  }
}
