package io.sluice.compiler.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class SluiceSqlParserTest {

  /** The example of DESIGN.md, section "SQL dialect", as written there. */
  static final String DESIGN_DDL =
      """
      CREATE TABLE trades (
        symbol VARCHAR,
        price  DOUBLE,
        qty    BIGINT,
        ts     TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
      ) WITH ('format' = 'csv');
      """;

  static final String DESIGN_QUERY =
      """
      SELECT symbol, window_start, window_end,
             COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high
      FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
      WHERE qty > 0
      GROUP BY symbol, window_start, window_end
      HAVING COUNT(*) > 1""";

  private static SqlNode single(String sql) throws SqlParseException {
    List<SqlNode> nodes = SluiceSqlParser.parseScript(sql);
    assertThat(nodes).hasSize(1);
    return nodes.get(0);
  }

  private static SqlParserPos at(int line, int column, int endLine, int endColumn) {
    return new SqlParserPos(line, column, endLine, endColumn);
  }

  private static String typeName(SqlTableColumn c) {
    return c.type().getTypeName().getSimple();
  }

  @Test
  void designExampleParsesAsCreateTableThenPlainQuery() throws Exception {
    List<SqlNode> nodes = SluiceSqlParser.parseScript(DESIGN_DDL + "\n" + DESIGN_QUERY + ";\n");
    assertThat(nodes).hasSize(2);

    SqlCreateTable ddl = (SqlCreateTable) nodes.get(0);
    assertThat(ddl.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(ddl.name().names).containsExactly("trades");
    assertThat(ddl.replace()).isFalse();
    assertThat(ddl.columns())
        .extracting(SqlTableColumn::simpleName)
        .containsExactly("symbol", "price", "qty", "ts");
    assertThat(ddl.columns())
        .extracting(SluiceSqlParserTest::typeName)
        .containsExactly("VARCHAR", "DOUBLE", "BIGINT", "TIMESTAMP");
    assertThat(ddl.columns()).allMatch(SqlTableColumn::nullable);
    SqlBasicTypeNameSpec ts = (SqlBasicTypeNameSpec) ddl.columns().get(3).type().getTypeNameSpec();
    assertThat(ts.getPrecision()).isEqualTo(3);
    assertThat(ddl.watermark()).isPresent();
    assertThat(ddl.watermark().get().column().getSimple()).isEqualTo("ts");
    assertThat(ddl.options()).containsExactly(Map.entry("format", "csv"));

    // Without EMIT the query is the plain query node.
    SqlSelect select = (SqlSelect) nodes.get(1);
    assertThat(select.getSelectList()).hasSize(7);
    assertThat(select.getWhere()).isNotNull();
    assertThat(select.getGroup()).hasSize(3);
    assertThat(select.getHaving()).isNotNull();
    assertThat(select.getHaving().getKind()).isEqualTo(SqlKind.GREATER_THAN);
    SqlCall from = (SqlCall) select.getFrom();
    assertThat(from.getKind()).isEqualTo(SqlKind.COLLECTION_TABLE);
    SqlCall tumble = (SqlCall) from.operand(0);
    assertThat(tumble.getOperator().getName()).isEqualTo("TUMBLE");
    assertThat(tumble.getOperandList()).hasSize(3);
    assertThat(tumble.operand(0).getKind()).isEqualTo(SqlKind.EXPLICIT_TABLE);
    assertThat(((SqlCall) tumble.operand(1)).getOperator().getName()).isEqualTo("DESCRIPTOR");
    assertThat((SqlNode) tumble.operand(2)).isInstanceOf(SqlIntervalLiteral.class);
  }

  @Test
  void emitFinalWrapsTheQueryAndRecordsWhereTheClauseIs() throws Exception {
    SqlEmit emit = (SqlEmit) single(DESIGN_QUERY + "\nEMIT FINAL");
    assertThat(emit.mode()).isEqualTo(SqlEmit.EmitMode.FINAL);
    SqlSelect select = (SqlSelect) emit.query();
    assertThat(select.getHaving()).isNotNull();
    assertThat(select.getGroup()).hasSize(3);
    // DESIGN_QUERY has 6 lines; EMIT FINAL is line 7, columns 1..10.
    assertThat(emit.emitPosition()).isEqualTo(at(7, 1, 7, 10));
    assertThat(emit.getParserPosition().getLineNum()).isEqualTo(1);
    assertThat(emit.getParserPosition().getEndLineNum()).isEqualTo(7);
  }

  @Test
  void emitChangesAfterNonWindowedAggregation() throws Exception {
    SqlEmit emit =
        (SqlEmit)
            single(
                "SELECT group_id, COUNT(*), SUM(value) FROM stream GROUP BY group_id EMIT CHANGES;");
    assertThat(emit.mode()).isEqualTo(SqlEmit.EmitMode.CHANGES);
    assertThat(emit.query()).isInstanceOf(SqlSelect.class);
    assertThat(emit.emitPosition()).isEqualTo(at(1, 69, 1, 80));
  }

  @Test
  void emitAlsoFollowsOrderByAndUnion() throws Exception {
    SqlEmit emit = (SqlEmit) single("SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a EMIT FINAL");
    assertThat(emit.query().getKind()).isEqualTo(SqlKind.ORDER_BY);
  }

  @Test
  void emitIsReservedAndNeedsAMode() {
    assertThatThrownBy(() -> SluiceSqlParser.parseScript("SELECT emit FROM t"))
        .isInstanceOf(SqlParseException.class);
    assertThatThrownBy(() -> SluiceSqlParser.parseScript("SELECT a FROM t EMIT"))
        .isInstanceOf(SqlParseException.class)
        .satisfies(
            e ->
                assertThat(SluiceSqlParser.describe((SqlParseException) e))
                    .isEqualTo("unexpected end of input; expected one of: 'CHANGES', 'FINAL'"));
    assertThatThrownBy(() -> SluiceSqlParser.parseScript("SELECT a FROM t EMIT STREAM"))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void withOptionsKeepOrderAndPositions() throws Exception {
    SqlCreateTable ddl =
        (SqlCreateTable)
            single(
                """
                CREATE TABLE trades (symbol VARCHAR, price DOUBLE)
                WITH ('format' = 'csv',
                      'path' = 'data/trades.csv')""");
    assertThat(ddl.options())
        .containsExactly(Map.entry("format", "csv"), Map.entry("path", "data/trades.csv"));
    List<SqlTableOption> options = ddl.optionList();
    assertThat(options).extracting(SqlTableOption::key).containsExactly("format", "path");
    assertThat(options.get(0).position()).isEqualTo(at(2, 7, 2, 22));
    assertThat(options.get(1).position()).isEqualTo(at(3, 7, 3, 32));
    assertThat(options.get(1).keyNode().getParserPosition()).isEqualTo(at(3, 7, 3, 12));
    assertThat(options.get(1).valueNode().getParserPosition()).isEqualTo(at(3, 16, 3, 32));
  }

  @Test
  void duplicateOptionKeysAndColumnNamesAreKeptForTheCaller() throws Exception {
    SqlCreateTable ddl =
        (SqlCreateTable)
            single("CREATE TABLE t (a INT, a BIGINT) WITH ('k' = '1', 'x' = 'y', 'k' = '2')");
    assertThat(ddl.columns()).extracting(SqlTableColumn::simpleName).containsExactly("a", "a");
    assertThat(ddl.optionList())
        .extracting(o -> o.key() + "=" + o.value())
        .containsExactly("k=1", "x=y", "k=2");
    assertThat(ddl.options()).containsExactly(Map.entry("k", "2"), Map.entry("x", "y"));
    assertThat(ddl.optionList().get(2).position().getColumnNum()).isEqualTo(62);
  }

  @Test
  void noWithClauseMeansNoOptions() throws Exception {
    SqlCreateTable ddl = (SqlCreateTable) single("CREATE TABLE t (a INT)");
    assertThat(ddl.optionList()).isEmpty();
    assertThat(ddl.options()).isEmpty();
    assertThat(ddl.watermark()).isEmpty();
  }

  @Test
  void notNullColumnsAndTheirPositions() throws Exception {
    SqlCreateTable ddl =
        (SqlCreateTable)
            single(
                """
                CREATE TABLE t (
                  id BIGINT NOT NULL,
                  name VARCHAR(20),
                  ok BOOLEAN NULL,
                  n INT NOT NULL,
                  m INTEGER,
                  x DOUBLE
                )""");
    List<SqlTableColumn> columns = ddl.columns();
    assertThat(columns)
        .extracting(SqlTableColumn::simpleName)
        .containsExactly("id", "name", "ok", "n", "m", "x");
    assertThat(columns)
        .extracting(SqlTableColumn::nullable)
        .containsExactly(false, true, true, false, true, true);
    assertThat(columns)
        .extracting(SluiceSqlParserTest::typeName)
        .containsExactly("BIGINT", "VARCHAR", "BOOLEAN", "INTEGER", "INTEGER", "DOUBLE");
    assertThat(((SqlBasicTypeNameSpec) columns.get(1).type().getTypeNameSpec()).getPrecision())
        .isEqualTo(20);
    assertThat(columns.get(0).position()).isEqualTo(at(2, 3, 2, 20));
    assertThat(columns.get(0).name().getParserPosition()).isEqualTo(at(2, 3, 2, 4));
    assertThat(columns.get(1).position()).isEqualTo(at(3, 3, 3, 18));
  }

  @Test
  void watermarkExpressionShape() throws Exception {
    SqlCreateTable ddl =
        (SqlCreateTable)
            single("CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)");
    SqlWatermark watermark = ddl.watermark().orElseThrow();
    assertThat(watermark.column().getSimple()).isEqualTo("ts");
    assertThat(watermark.position()).isEqualTo(at(1, 34, 1, 77));
    SqlCall minus = (SqlCall) watermark.expression();
    assertThat(minus.getKind()).isEqualTo(SqlKind.MINUS);
    assertThat(((SqlIdentifier) minus.operand(0)).getSimple()).isEqualTo("ts");
    SqlIntervalLiteral.IntervalValue interval =
        ((SqlIntervalLiteral) minus.operand(1)).getValueAs(SqlIntervalLiteral.IntervalValue.class);
    assertThat(interval.getIntervalLiteral()).isEqualTo("2");
    assertThat(interval.getIntervalQualifier().timeUnitRange.startUnit).isEqualTo(TimeUnit.SECOND);
  }

  @Test
  void watermarkMayComeFirstButOnlyOnce() throws Exception {
    SqlCreateTable ddl =
        (SqlCreateTable) single("CREATE TABLE t (WATERMARK FOR ts AS ts, ts TIMESTAMP(3))");
    assertThat(ddl.columns()).extracting(SqlTableColumn::simpleName).containsExactly("ts");
    assertThat(ddl.watermark()).isPresent();

    SqlParseException e =
        catchParse("CREATE TABLE t (ts TIMESTAMP(3),\n WATERMARK FOR ts AS ts,\n WATERMARK FOR ts AS ts)");
    assertThat(SluiceSqlParser.describe(e)).isEqualTo("a table can declare only one WATERMARK");
    assertThat(SluiceSqlParser.line(e)).isEqualTo(3);
    assertThat(SluiceSqlParser.column(e)).isEqualTo(2);
  }

  @Test
  void watermarkAndChangesRemainUsableNames() throws Exception {
    SqlCreateTable ddl = (SqlCreateTable) single("CREATE TABLE t (watermark BIGINT, changes INT)");
    assertThat(ddl.columns())
        .extracting(SqlTableColumn::simpleName)
        .containsExactly("watermark", "changes");
    assertThat(ddl.watermark()).isEmpty();
  }

  @Test
  void valueAndStreamAreOrdinaryNames() throws Exception {
    SqlSelect select =
        (SqlSelect) single("SELECT group_id, SUM(value) FROM stream GROUP BY group_id");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("stream");
    SqlCall sum = (SqlCall) select.getSelectList().get(1);
    assertThat(((SqlIdentifier) sum.operand(0)).getSimple()).isEqualTo("value");

    SqlSelect qualified = (SqlSelect) single("SELECT stream.value FROM stream WHERE (value > 1)");
    assertThat(((SqlIdentifier) qualified.getSelectList().get(0)).names)
        .containsExactly("stream", "value");

    // STREAM right after SELECT is a name too (Calcite's SELECT STREAM is removed).
    SqlSelect first = (SqlSelect) single("SELECT stream, value FROM t");
    assertThat(first.getSelectList())
        .extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("stream", "value");
    SqlSelect minus = (SqlSelect) single("SELECT stream - qty FROM t");
    assertThat(minus.getSelectList().get(0).getKind()).isEqualTo(SqlKind.MINUS);

    SqlCreateTable ddl = (SqlCreateTable) single("CREATE TABLE stream (value DOUBLE, stream INT)");
    assertThat(ddl.name().getSimple()).isEqualTo("stream");
    assertThat(ddl.columns())
        .extracting(SqlTableColumn::simpleName)
        .containsExactly("value", "stream");
  }

  @Test
  void valuesStillWorksButValueIsNotItsSynonym() throws Exception {
    assertThat(single("VALUES (1, 2)").getKind()).isEqualTo(SqlKind.VALUES);
    assertThat(single("SELECT * FROM (VALUES (1)) AS v (value)")).isInstanceOf(SqlSelect.class);
    assertThatThrownBy(() -> SluiceSqlParser.parseScript("VALUE (1, 2)"))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void commonColumnNamesAreIdentifiers() throws Exception {
    SqlSelect select =
        (SqlSelect) single("SELECT ts, symbol, price, qty, group_id, value, window_start FROM t");
    assertThat(select.getSelectList())
        .allMatch(n -> n instanceof SqlIdentifier)
        .extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("ts", "symbol", "price", "qty", "group_id", "value", "window_start");
  }

  @Test
  void identifierCaseIsKeptAndBackTicksQuote() throws Exception {
    SqlSelect select = (SqlSelect) single("SELECT Symbol, `Max Price`, `select` FROM `My Trades`");
    assertThat(select.getSelectList())
        .extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("Symbol", "Max Price", "select");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("My Trades");
  }

  @Test
  void scriptOfTwoStatementsWithComments() throws Exception {
    String script =
        """
        -- the source
        CREATE TABLE trades (symbol VARCHAR, qty BIGINT) /* no watermark */ WITH ('format' = 'csv');
        /* the query,
           over two lines */
        SELECT symbol, SUM(qty) FROM trades GROUP BY symbol -- per symbol
        """;
    List<SqlNode> nodes = SluiceSqlParser.parseScript(script);
    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0)).isInstanceOf(SqlCreateTable.class);
    assertThat(nodes.get(1)).isInstanceOf(SqlSelect.class);
    assertThat(nodes.get(1).getParserPosition().getLineNum()).isEqualTo(5);

    // A trailing ';' is optional and does not change the result.
    assertThat(SluiceSqlParser.parseScript(script.strip() + ";")).hasSize(2);
    assertThat(SluiceSqlParser.parseScript("SELECT 1; SELECT 2")).hasSize(2);
  }

  @Test
  void parseStatementTakesExactlyOne() throws Exception {
    assertThat(SluiceSqlParser.parseStatement("SELECT a FROM t EMIT CHANGES"))
        .isInstanceOf(SqlEmit.class);
    assertThatThrownBy(() -> SluiceSqlParser.parseStatement("SELECT 1; SELECT 2"))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void orReplaceIsRecorded() throws Exception {
    SqlCreateTable ddl = (SqlCreateTable) single("CREATE OR REPLACE TABLE t (a INT)");
    assertThat(ddl.replace()).isTrue();
    assertThat(SluiceSqlParser.toSql(ddl)).startsWith("CREATE OR REPLACE TABLE `t`");
  }

  @Test
  void unparsedSqlParsesBackToTheSameTree() throws Exception {
    for (String sql :
        List.of(
            DESIGN_DDL.replace(";", ""),
            "CREATE TABLE t (a BIGINT NOT NULL, b VARCHAR(10)) WITH ('path' = 'a''b.csv', k = 'v')",
            DESIGN_QUERY + " EMIT FINAL",
            "SELECT group_id, SUM(value) FROM stream GROUP BY group_id EMIT CHANGES")) {
      SqlNode first = single(sql);
      String text = SluiceSqlParser.toSql(first);
      SqlNode second = single(text);
      assertThat(second.getClass()).isEqualTo(first.getClass());
      assertThat(SluiceSqlParser.toSql(second)).as(sql).isEqualTo(text);
      assertThat(second.equalsDeep(first, org.apache.calcite.util.Litmus.IGNORE))
          .as(text)
          .isTrue();
    }
  }

  @Test
  void unparseOfCreateTable() throws Exception {
    String text = SluiceSqlParser.toSql(single(DESIGN_DDL)).replaceAll("\\s+", " ");
    assertThat(text)
        .isEqualTo(
            "CREATE TABLE `trades` (`symbol` VARCHAR, `price` DOUBLE, `qty` BIGINT,"
                + " `ts` TIMESTAMP(3), WATERMARK FOR `ts` AS `ts` - INTERVAL '2' SECOND)"
                + " WITH ('format' = 'csv')");
  }

  @Test
  void shuttleCopiesKeepTheNodeClasses() throws Exception {
    // A shuttle that rebuilds every call (as a rewrite does) must keep Sluice's node classes.
    org.apache.calcite.sql.util.SqlShuttle renameT =
        new org.apache.calcite.sql.util.SqlShuttle() {
          @Override
          public SqlNode visit(SqlIdentifier id) {
            return id.isSimple() && id.getSimple().equals("ts")
                ? new SqlIdentifier("event_time", id.getParserPosition())
                : id;
          }
        };
    SqlCreateTable ddl =
        (SqlCreateTable)
            single("CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('a' = 'b')");
    SqlCreateTable copy = (SqlCreateTable) ddl.accept(renameT);
    assertThat(copy.columns().get(0).simpleName()).isEqualTo("event_time");
    assertThat(copy.watermark().orElseThrow().column().getSimple()).isEqualTo("event_time");
    assertThat(copy.options()).containsExactly(Map.entry("a", "b"));

    SqlEmit emit = (SqlEmit) single("SELECT ts FROM t EMIT FINAL");
    SqlEmit emitCopy = (SqlEmit) emit.accept(renameT);
    assertThat(emitCopy.mode()).isEqualTo(SqlEmit.EmitMode.FINAL);
    assertThat(emitCopy.emitPosition()).isEqualTo(emit.emitPosition());
    assertThat(SluiceSqlParser.toSql(emitCopy)).contains("`event_time`").endsWith("EMIT FINAL");
  }

  @Test
  void configIsFlinkStyle() {
    var config = SluiceSqlParser.config();
    assertThat(config.quoting()).isEqualTo(org.apache.calcite.avatica.util.Quoting.BACK_TICK);
    assertThat(config.unquotedCasing()).isEqualTo(org.apache.calcite.avatica.util.Casing.UNCHANGED);
    assertThat(config.quotedCasing()).isEqualTo(org.apache.calcite.avatica.util.Casing.UNCHANGED);
    assertThat(config.caseSensitive()).isFalse();
    assertThat(config.identifierMaxLength()).isGreaterThanOrEqualTo(1024);
    assertThat(config.parserFactory())
        .isSameAs(io.sluice.compiler.parser.impl.SluiceSqlParserImpl.FACTORY);
  }

  @Test
  void nodeListsHavePositions() throws Exception {
    SqlCreateTable ddl = (SqlCreateTable) single("CREATE TABLE t (\n a INT,\n b INT\n)");
    SqlNodeList columns = ddl.columnList();
    assertThat(columns.getParserPosition().getLineNum()).isEqualTo(1);
    assertThat(ddl.getParserPosition()).isEqualTo(at(1, 1, 4, 1));
  }

  static SqlParseException catchParse(String sql) {
    try {
      SluiceSqlParser.parseScript(sql);
    } catch (SqlParseException e) {
      return e;
    }
    throw new AssertionError("expected a parse error for: " + sql);
  }
}
