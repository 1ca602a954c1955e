package io.sluice.compiler.parser;

import static io.sluice.compiler.parser.SluiceSqlParserTest.catchParse;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.compiler.parser.SqlVelostreamWindow.Kind;
import java.util.List;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

/** Velostream's {@code WINDOW TUMBLING|SLIDING|SESSION(...)} clause, as the parser reads it. */
class VelostreamWindowParserTest {

  private static SqlSelect select(String sql) throws SqlParseException {
    List<SqlNode> nodes = SluiceSqlParser.parseScript(sql);
    assertThat(nodes).hasSize(1);
    SqlNode node = nodes.get(0);
    if (node instanceof SqlEmit emit) {
      node = emit.query();
    }
    return (SqlSelect) node;
  }

  private static SqlVelostreamWindow window(String sql) throws SqlParseException {
    SqlSelect select = select(sql);
    assertThat(select.getWindowList()).hasSize(1);
    return (SqlVelostreamWindow) select.getWindowList().get(0);
  }

  private static SqlVelostreamWindow window(String kind, String arguments) throws SqlParseException {
    return window("SELECT k, COUNT(*) FROM t GROUP BY k WINDOW " + kind + "(" + arguments + ")");
  }

  /** The interval literal of {@code INTERVAL 'text' unit}, as the parser reads it. */
  private static SqlIntervalLiteral interval(String literal) throws SqlParseException {
    SqlSelect s = select("SELECT " + literal + " FROM t");
    return (SqlIntervalLiteral) s.getSelectList().get(0);
  }

  private static void assertError(String sql, int line, int column, String description) {
    SqlParseException e = catchParse(sql);
    assertThat(SluiceSqlParser.describe(e)).as(sql).isEqualTo(description);
    assertThat(SluiceSqlParser.line(e)).as("line of %s", sql).isEqualTo(line);
    assertThat(SluiceSqlParser.column(e)).as("column of %s", sql).isEqualTo(column);
  }

  @Test
  void tumblingWithAShorthandDurationAfterGroupBy() throws Exception {
    SqlSelect select =
        select(
            """
            SELECT symbol, COUNT(*) AS trades
            FROM trades
            WHERE qty > 0
            GROUP BY symbol
            WINDOW TUMBLING(5m)
            HAVING COUNT(*) > 1""");
    assertThat(select.getGroup()).hasSize(1);
    assertThat(select.getHaving()).isNotNull();
    SqlVelostreamWindow w = (SqlVelostreamWindow) select.getWindowList().get(0);
    assertThat(w.kind()).isEqualTo(Kind.TUMBLING);
    assertThat(w.timeColumn()).isNull();
    assertThat(w.advance()).isNull();
    assertThat(w.key()).isNull();
    // 5m is the literal INTERVAL '5' MINUTE would be, placed on "5m".
    assertThat(w.size().equalsDeep(interval("INTERVAL '5' MINUTE"), Litmus.THROW)).isTrue();
    assertThat(w.size().getParserPosition()).isEqualTo(new SqlParserPos(5, 17, 5, 18));
    assertThat(w.position()).isEqualTo(new SqlParserPos(5, 1, 5, 19));
  }

  @Test
  void durationsStandForTheIntervalLiteralsOfTheirUnit() throws Exception {
    String[][] cases = {
      {"500ms", "INTERVAL '0.5' SECOND"},
      {"1500ms", "INTERVAL '1.5' SECOND"},
      {"2000ms", "INTERVAL '2' SECOND"},
      {"30s", "INTERVAL '30' SECOND"},
      {"60", "INTERVAL '60' SECOND"}, // a bare number is seconds, as in Velostream
      {"5m", "INTERVAL '5' MINUTE"},
      {"5 m", "INTERVAL '5' MINUTE"},
      {"120m", "INTERVAL '120' MINUTE(3)"}, // wider than Calcite's default precision of 2
      {"1h", "INTERVAL '1' HOUR"},
      {"1d", "INTERVAL '1' DAY"},
      {"2w", "INTERVAL '14' DAY"},
      {"INTERVAL '5' MINUTE", "INTERVAL '5' MINUTE"},
      {"INTERVAL '1:30' HOUR TO MINUTE", "INTERVAL '1:30' HOUR TO MINUTE"},
    };
    for (String[] c : cases) {
      SqlIntervalLiteral size = window("TUMBLING", c[0]).size();
      assertThat(size.equalsDeep(interval(c[1]), Litmus.IGNORE)).as(c[0]).isTrue();
      assertThat(SluiceSqlParser.toSql(size)).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void aTimeColumnMayComeFirst() throws Exception {
    SqlVelostreamWindow w = window("TUMBLING ", "ts, INTERVAL '5' MINUTE");
    assertThat(w.timeColumn().names).containsExactly("ts");
    assertThat(SluiceSqlParser.toSql(w.size())).isEqualTo("INTERVAL '5' MINUTE");

    w = window("TUMBLING", "market_data.ts, 1m");
    assertThat(w.timeColumn().names).containsExactly("market_data", "ts");
  }

  @Test
  void slidingTakesSizeThenAdvance() throws Exception {
    SqlVelostreamWindow w = window("SLIDING", "10m, 5m");
    assertThat(w.kind()).isEqualTo(Kind.SLIDING);
    assertThat(w.timeColumn()).isNull();
    assertThat(SluiceSqlParser.toSql(w.size())).isEqualTo("INTERVAL '10' MINUTE");
    assertThat(SluiceSqlParser.toSql(w.advance())).isEqualTo("INTERVAL '5' MINUTE");

    w = window("SLIDING", "ts, 1h, 30s");
    assertThat(w.timeColumn().names).containsExactly("ts");
    assertThat(SluiceSqlParser.toSql(w.size())).isEqualTo("INTERVAL '1' HOUR");
    assertThat(SluiceSqlParser.toSql(w.advance())).isEqualTo("INTERVAL '30' SECOND");
  }

  @Test
  void sessionTakesAGapAndOptionallyTheTimeColumnAndAKey() throws Exception {
    SqlVelostreamWindow w = window("SESSION", "30m");
    assertThat(w.kind()).isEqualTo(Kind.SESSION);
    assertThat(SluiceSqlParser.toSql(w.size())).isEqualTo("INTERVAL '30' MINUTE");
    assertThat(w.timeColumn()).isNull();
    assertThat(w.key()).isNull();

    w = window("SESSION", "ts, 4h, user_id");
    assertThat(w.timeColumn().names).containsExactly("ts");
    assertThat(w.key().names).containsExactly("user_id");
  }

  @Test
  void windowTypeIsCaseInsensitiveAndSessionStaysAName() throws Exception {
    assertThat(window("tumbling", "1m").kind()).isEqualTo(Kind.TUMBLING);
    assertThat(window("Session", "1m").kind()).isEqualTo(Kind.SESSION);
    // The window types are not keywords: they remain usable as names.
    SqlSelect s = select("SELECT tumbling, sliding, session FROM t");
    assertThat(s.getSelectList()).hasSize(3);
  }

  @Test
  void afterHavingAsVelostreamsDocumentationWritesIt() throws Exception {
    SqlSelect select =
        select(
            "SELECT symbol, COUNT(*) FROM trades GROUP BY symbol HAVING COUNT(*) > 5"
                + " WINDOW TUMBLING(INTERVAL '5' MINUTE) EMIT CHANGES");
    assertThat(select.getHaving()).isNotNull();
    assertThat(((SqlVelostreamWindow) select.getWindowList().get(0)).kind())
        .isEqualTo(Kind.TUMBLING);
  }

  @Test
  void namedWindowsStillParseAndComeAfterTheVelostreamWindow() throws Exception {
    SqlSelect named = select("SELECT COUNT(*) OVER w FROM t WINDOW w AS (PARTITION BY k)");
    assertThat(named.getWindowList()).hasSize(1);
    assertThat(named.getWindowList().get(0)).isInstanceOf(SqlWindow.class);

    SqlSelect both =
        select("SELECT k, COUNT(*) FROM t GROUP BY k WINDOW TUMBLING(1m) WINDOW w AS (ORDER BY k)");
    assertThat(both.getWindowList()).hasSize(2);
    assertThat(both.getWindowList().get(0)).isInstanceOf(SqlVelostreamWindow.class);
    assertThat(both.getWindowList().get(1)).isInstanceOf(SqlWindow.class);
  }

  @Test
  void unparsedQueryParsesBackToTheSameTree() throws Exception {
    for (String sql :
        List.of(
            "SELECT k, COUNT(*) FROM t GROUP BY k WINDOW TUMBLING(5m)",
            "SELECT k, COUNT(*) FROM t GROUP BY k WINDOW SLIDING(ts, 10m, 500ms) HAVING COUNT(*) > 1",
            "SELECT k, COUNT(*) FROM t GROUP BY k WINDOW SESSION(ts, 30s, k)")) {
      SqlSelect first = select(sql);
      SqlSelect again = select(SluiceSqlParser.toSql(first));
      assertThat(again.equalsDeep(first, Litmus.THROW)).as(sql).isTrue();
    }
  }

  @Test
  void errorsAreOneLineAtTheOffendingToken() {
    String prefix = "SELECT k, COUNT(*) FROM t GROUP BY k\nWINDOW ";
    assertError(
        prefix + "TUMBLING(5x)",
        2,
        18,
        "unknown duration unit 'x' in '5x' (use ms, s, m, h, d or w: timestamps are milliseconds)");
    assertError(
        prefix + "TUMBLING(5M)",
        2,
        18,
        "unknown duration unit 'M' in '5M' (use ms, s, m, h, d or w: timestamps are milliseconds)");
    assertError(
        prefix + "TUMBLING(5min)",
        2,
        18,
        "unknown duration unit 'min' in '5min' (use ms, s, m, h, d or w: timestamps are"
            + " milliseconds)");
    assertError(
        prefix + "TUMBLING(5 MINUTE)",
        2,
        19,
        "unknown duration unit 'MINUTE' in '5MINUTE' (use ms, s, m, h, d or w: timestamps are"
            + " milliseconds)");
    assertError(
        prefix + "TUMBLING(100us)",
        2,
        20,
        "unknown duration unit 'us' in '100us' (use ms, s, m, h, d or w: timestamps are"
            + " milliseconds)");
    assertError(
        prefix + "HOPPING(5m)",
        2,
        8,
        "unknown window type 'HOPPING' (expected TUMBLING, SLIDING or SESSION)");
    assertError(
        prefix + "TUMBLING(5m, ts)",
        2,
        21,
        "TUMBLING takes (size) or (time_column, size)");
    assertError(
        prefix + "TUMBLING(ts)",
        2,
        1,
        "TUMBLING takes (size) or (time_column, size)");
    assertError(
        prefix + "SLIDING(10m)",
        2,
        1,
        "SLIDING takes (size, advance) or (time_column, size, advance)");
    assertError(
        prefix + "SESSION(30m, k)",
        2,
        21,
        "SESSION takes (gap), (time_column, gap) or (time_column, gap, key_column)");
    assertError(prefix + "TUMBLING(0s)", 2, 17, "a window size must be positive");
    assertError(prefix + "SLIDING(1m, 0ms)", 2, 20, "a window advance must be positive");
    assertError(prefix + "SESSION(INTERVAL -'1' MINUTE)", 2, 16, "a window gap must be positive");
    assertError(
        prefix + "TUMBLING(INTERVAL '1' MONTH)",
        2,
        17,
        "a window size is a time in days, hours, minutes, seconds or milliseconds, not in months or"
            + " years");
    assertError(prefix + "TUMBLING(12345678901m)", 2, 17, "duration '12345678901m' is too large");
    // Velostream's parser also wants GROUP BY before WINDOW.
    SqlParseException e = catchParse("SELECT k FROM t WINDOW TUMBLING(1m)\nGROUP BY k");
    assertThat(SluiceSqlParser.describe(e)).startsWith("unexpected 'GROUP'; expected one of: ");
    assertThat(SluiceSqlParser.line(e)).isEqualTo(2);
    assertThat(SluiceSqlParser.column(e)).isEqualTo(1);
  }
}
