package io.sluice.compiler.parser;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A problem found by {@link SluiceSqlParser}'s own check of the token stream (unterminated string,
 * comment or quoted identifier, illegal character, no statement at all), reported at the place
 * where it starts rather than where Calcite's parser first stumbles over it.
 */
final class SluiceLexicalException extends SqlParseException {
  private static final long serialVersionUID = 1L;

  private final String description;

  SluiceLexicalException(String description, int line, int column) {
    super(
        description + " at line " + line + ", column " + column,
        new SqlParserPos(line, column, line, column),
        null,
        null,
        null);
    this.description = description;
  }

  /** The message without its position. */
  String description() {
    return description;
  }
}
