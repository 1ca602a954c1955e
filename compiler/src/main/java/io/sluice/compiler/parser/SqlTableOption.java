package io.sluice.compiler.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@code key = value} of a CREATE TABLE {@code WITH (...)} list. Key and value are each a
 * string literal ({@code 'format'}) or a simple identifier ({@code format}), as Calcite's
 * {@code ParenthesizedKeyValueOptionCommaList()} accepts them.
 */
public final class SqlTableOption extends SqlCall {
  /** The operator of every {@link SqlTableOption}; operands: key node, value node. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("OPTION", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          return new SqlTableOption(
              pos,
              Objects.requireNonNull(operands[0], "key"),
              Objects.requireNonNull(operands[1], "value"));
        }
      };

  private final SqlNode keyNode;
  private final SqlNode valueNode;
  private final String key;
  private final String value;

  /**
   * @param pos from the key to the end of the value
   * @param keyNode a string literal or simple identifier
   * @param valueNode a string literal or simple identifier
   */
  public SqlTableOption(SqlParserPos pos, SqlNode keyNode, SqlNode valueNode) {
    super(pos);
    this.keyNode = Objects.requireNonNull(keyNode, "keyNode");
    this.valueNode = Objects.requireNonNull(valueNode, "valueNode");
    this.key = text(keyNode);
    this.value = text(valueNode);
  }

  /**
   * Pairs the flat {@code [key1, value1, key2, value2, ...]} list that Calcite's
   * {@code ParenthesizedKeyValueOptionCommaList()} returns; null gives an empty list.
   */
  public static SqlNodeList fromKeyValueList(@Nullable SqlNodeList keyValues) {
    if (keyValues == null) {
      return SqlNodeList.EMPTY;
    }
    if (keyValues.size() % 2 != 0) {
      throw new IllegalArgumentException("odd number of key/value nodes: " + keyValues.size());
    }
    List<SqlNode> options = new ArrayList<>(keyValues.size() / 2);
    for (int i = 0; i < keyValues.size(); i += 2) {
      SqlNode k = keyValues.get(i);
      SqlNode v = keyValues.get(i + 1);
      options.add(new SqlTableOption(k.getParserPosition().plus(v.getParserPosition()), k, v));
    }
    return new SqlNodeList(options, keyValues.getParserPosition());
  }

  private static String text(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.isSimple() ? id.getSimple() : id.toString();
    }
    String s = SqlLiteral.unchain(node).getValueAs(String.class);
    return Objects.requireNonNull(s, "option text");
  }

  /** The key, unquoted. */
  public String key() {
    return key;
  }

  /** The value, unquoted. */
  public String value() {
    return value;
  }

  /** The key as parsed (literal or identifier), with its position. */
  public SqlNode keyNode() {
    return keyNode;
  }

  /** The value as parsed (literal or identifier), with its position. */
  public SqlNode valueNode() {
    return valueNode;
  }

  /** Position of the whole option, key to value. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(keyNode, valueNode);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    keyNode.unparse(writer, 0, 0);
    writer.keyword("=");
    valueNode.unparse(writer, 0, 0);
  }

}
