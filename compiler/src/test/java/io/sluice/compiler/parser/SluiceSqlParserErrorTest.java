package io.sluice.compiler.parser;

import static io.sluice.compiler.parser.SluiceSqlParserTest.catchParse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class SluiceSqlParserErrorTest {

  private static void assertOneLine(String description) {
    assertThat(description)
        .isNotBlank()
        .doesNotContain("\n")
        .doesNotContain("\r")
        .doesNotContain("Was expecting")
        .hasSizeLessThanOrEqualTo(SluiceSqlParser.MAX_DESCRIPTION_LENGTH + 3);
  }

  private static void assertError(
      String sql, int line, int column, String description) {
    SqlParseException e = catchParse(sql);
    assertThat(SluiceSqlParser.describe(e)).as(sql).isEqualTo(description);
    assertThat(SluiceSqlParser.line(e)).as("line of %s", sql).isEqualTo(line);
    assertThat(SluiceSqlParser.column(e)).as("column of %s", sql).isEqualTo(column);
  }

  @Test
  void syntaxErrorPositionIsExact() {
    SqlParseException e = catchParse("SELECT symbol,\nFROM trades\nWHERE qty > 0");
    // Calcite's message is the multi-line dump; describe() is one line.
    assertThat(e.getMessage()).contains("\n").contains("Was expecting");
    assertThat(SluiceSqlParser.line(e)).isEqualTo(2);
    assertThat(SluiceSqlParser.column(e)).isEqualTo(1);
    assertThat(SluiceSqlParser.describe(e)).isEqualTo("unexpected 'FROM'; expected an expression");

    assertError(
        "SELECT symbol\nFROM trades\nWHERE qty > 0\nGROUP symbol", 4, 7, "unexpected 'symbol'; expected 'BY'");
    assertError(
        "SELECT symbol\nFROM trades\nGROUP BY symbol\nHAVING",
        4,
        6,
        "unexpected end of input; expected an expression");
  }

  @Test
  void danglingOperatorIsReportedAtTheOperator() {
    // Calcite backs out of the comparison and reports its operator, not the token after it.
    SqlParseException e = catchParse("SELECT symbol\nFROM trades\nWHERE qty >\nGROUP BY symbol");
    assertThat(SluiceSqlParser.line(e)).isEqualTo(3);
    assertThat(SluiceSqlParser.column(e)).isEqualTo(11);
    assertThat(SluiceSqlParser.describe(e)).startsWith("unexpected '>'; expected one of: ");
  }

  @Test
  void positionsCountTabsAsOneColumnAndFollowEarlierStatements() {
    assertError("SELECT 1;\n\tSELECT FROM t", 2, 9, "unexpected 'FROM'; expected an expression");
  }

  @Test
  void missingSelectItem() {
    assertError("SELECT FROM t", 1, 8, "unexpected 'FROM'; expected an expression");
  }

  @Test
  void missingFromOperand() {
    SqlParseException e = catchParse("SELECT a FROM");
    assertThat(SluiceSqlParser.line(e)).isEqualTo(1);
    assertThat(SluiceSqlParser.column(e)).isEqualTo(13);
    String d = SluiceSqlParser.describe(e);
    assertOneLine(d);
    assertThat(d).startsWith("unexpected end of input; expected one of: an identifier, ");
  }

  @Test
  void missingFromOperandBeforeWhere() {
    SqlParseException e = catchParse("SELECT a FROM WHERE b > 1");
    assertThat(SluiceSqlParser.column(e)).isEqualTo(15);
    assertThat(SluiceSqlParser.describe(e)).startsWith("unexpected 'WHERE'; expected ");
    assertOneLine(SluiceSqlParser.describe(e));
  }

  @Test
  void expectedTokensAreCappedAtFive() {
    SqlParseException e = catchParse("SELECT a FROM t x y");
    String d = SluiceSqlParser.describe(e);
    assertThat(d).startsWith("unexpected 'y'; expected one of: ").endsWith(", ...");
    String list = d.substring(d.indexOf("one of: ") + 8, d.length() - ", ...".length());
    assertThat(list.split(", ")).hasSize(SluiceSqlParser.MAX_EXPECTED_LISTED);
  }

  @Test
  void unterminatedStringIsReportedWhereItStarts() {
    // Calcite alone reports this at the '=' before the string, as a syntax error.
    assertError("SELECT a FROM t WHERE b = 'abc", 1, 27, "unterminated string literal");
    assertError("SELECT a\nFROM t\nWHERE b = 'it''s", 3, 11, "unterminated string literal");
    assertError("SELECT 'ok', 'a''b''c FROM t", 1, 14, "unterminated string literal");
  }

  @Test
  void unterminatedCommentAndQuotedIdentifier() {
    assertError("SELECT a FROM t /* note", 1, 17, "unterminated comment");
    assertError("SELECT `a FROM t", 1, 8, "unterminated quoted identifier");
  }

  @Test
  void strayCharacter() {
    assertError("SELECT a # b FROM t", 1, 10, "illegal character '#' (U+0023)");
    // At the very end JavaCC reports <EOF> one column after the character; placed on it here.
    assertError("SELECT a FROM t #", 1, 17, "illegal character '#' (U+0023)");
    assertError("SELECT a\u0001 FROM t", 1, 9, "illegal character U+0001");
  }

  @Test
  void doubleQuotesAreNotIdentifierQuotes() {
    SqlParseException e = catchParse("SELECT \"a\" FROM t");
    assertThat(SluiceSqlParser.describe(e))
        .isEqualTo(
            "unexpected '\"'; expected an expression (quote names with back-ticks: `name`)");
    assertThat(SluiceSqlParser.column(e)).isEqualTo(8);
  }

  @Test
  void emptyInput() {
    for (String sql : new String[] {"", "   \n\t", "-- just a comment\n", "/* nothing */"}) {
      assertError(sql, 1, 1, "no SQL statement found");
    }
  }

  @Test
  void randomBytes() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] bytes = new byte[1 + random.nextInt(64)];
      random.nextBytes(bytes);
      String sql =
          i % 2 == 0
              ? new String(bytes, StandardCharsets.ISO_8859_1)
              : new String(bytes, StandardCharsets.UTF_8);
      checkDescribeIsOneLine(sql);
    }
  }

  @Test
  void randomTokenSoup() {
    String[] words = {
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "EMIT", "FINAL", "CHANGES", "CREATE",
      "TABLE", "WATERMARK", "FOR", "AS", "WITH", "(", ")", ",", ";", "=", "-", "*", "'x'", "'",
      "`", "`q`", "\"", "a", "value", "stream", "1", "INTERVAL", "'2'", "SECOND", "#", "/*", "*/",
      "--", "\n", "\t", "\u0000", "TUMBLE", "DESCRIPTOR", "NOT", "NULL", "BIGINT", "TIMESTAMP(3)"
    };
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      StringBuilder sql = new StringBuilder();
      int n = random.nextInt(16);
      for (int j = 0; j < n; j++) {
        sql.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
      }
      checkDescribeIsOneLine(sql.toString());
    }
  }

  private static void checkDescribeIsOneLine(String sql) {
    try {
      SluiceSqlParser.parseScript(sql);
    } catch (SqlParseException e) {
      assertOneLine(SluiceSqlParser.describe(e));
      assertThat(SluiceSqlParser.line(e)).as("line for %s", sql).isPositive();
      assertThat(SluiceSqlParser.column(e)).as("column for %s", sql).isPositive();
    }
  }

  @Test
  void describeHandlesCalciteExceptionsFromItsOwnEntryPoints() throws Exception {
    // Errors from SqlParser used directly with config(), without the token check.
    String[] inputs = {"", "SELECT a FROM t WHERE b = 'abc", "SELECT # FROM t", "SELECT `a"};
    for (String sql : inputs) {
      try {
        SqlParser.create(sql, SluiceSqlParser.config()).parseStmtList();
        throw new AssertionError("expected an error for " + sql);
      } catch (SqlParseException e) {
        assertOneLine(SluiceSqlParser.describe(e));
      }
    }
    try {
      SqlParser.create("SELECT `a", SluiceSqlParser.config()).parseStmt();
    } catch (SqlParseException e) {
      assertThat(SluiceSqlParser.describe(e)).isEqualTo("unterminated quoted identifier");
    }
  }

  @Test
  void describeIsRobustToOddExceptions() {
    assertThat(SluiceSqlParser.describe(null)).isEqualTo("syntax error");
    SqlParseException bare = new SqlParseException(null, null, null, null, null);
    assertThat(SluiceSqlParser.describe(bare)).isEqualTo("syntax error");
    assertThat(SluiceSqlParser.line(bare)).isZero();
    assertThat(SluiceSqlParser.column(bare)).isZero();
    SqlParseException multi =
        new SqlParseException(
            "first\nsecond", new SqlParserPos(2, 3), new int[][] {{99}}, new String[] {"x"}, null);
    assertThat(SluiceSqlParser.describe(multi)).isEqualTo("syntax error");
    SqlParseException longOne =
        new SqlParseException("x".repeat(1000), SqlParserPos.ZERO, null, null, null);
    assertOneLine(SluiceSqlParser.describe(longOne));
  }
}
