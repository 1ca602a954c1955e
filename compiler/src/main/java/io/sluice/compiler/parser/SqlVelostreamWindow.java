package io.sluice.compiler.parser;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Velostream's time-window clause of a SELECT, {@code WINDOW TUMBLING(5m)}, {@code WINDOW
 * SLIDING(10m, 5m)}, {@code WINDOW SESSION(30m)}, optionally naming the event-time column first
 * ({@code WINDOW TUMBLING(ts, INTERVAL '5' MINUTE)}) and, for SESSION, a key column last.
 *
 * <p>The clause is written after GROUP BY (where Velostream's parser reads it) or after HAVING
 * (where Velostream's documentation shows it). The parser keeps it in the SELECT's WINDOW list,
 * ahead of any named window; the planner ({@code io.sluice.compiler.plan.VelostreamSyntax})
 * rewrites the query into the window-table-function form before validation. Nothing else may
 * see a SELECT holding one: Calcite's validator only knows named windows.
 *
 * <p>Every duration is held as the interval literal it stands for: {@code 5m} is {@code INTERVAL
 * '5' MINUTE}, {@code 500ms} is {@code INTERVAL '0.5' SECOND}, a bare number is seconds (as in
 * Velostream), {@code 2w} is {@code INTERVAL '14' DAY}. A node of this class is well formed: the
 * arguments, units and signs are checked when it is created, each error at its own position.
 */
public final class SqlVelostreamWindow extends SqlCall {
  /** Velostream's window types. */
  public enum Kind {
    /** {@code TUMBLING([time_column,] size)}: Calcite's TUMBLE. */
    TUMBLING("(size) or (time_column, size)"),
    /** {@code SLIDING([time_column,] size, advance)}: Calcite's HOP with slide = advance. */
    SLIDING("(size, advance) or (time_column, size, advance)"),
    /** {@code SESSION([time_column,] gap [, key_column])}: Calcite's SESSION. */
    SESSION("(gap), (time_column, gap) or (time_column, gap, key_column)");

    private final String forms;

    Kind(String forms) {
      this.forms = forms;
    }
  }

  /** The operator of every {@link SqlVelostreamWindow}; operands as {@link #getOperandList}. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("VELOSTREAM_WINDOW", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
          SqlLiteral kind = (SqlLiteral) Objects.requireNonNull(operands[0], "kind");
          return new SqlVelostreamWindow(
              pos,
              kind.getValueAs(Kind.class),
              (SqlIdentifier) operands[1],
              (SqlIntervalLiteral) Objects.requireNonNull(operands[2], "size"),
              (SqlIntervalLiteral) operands[3],
              (SqlIdentifier) operands[4]);
        }
      };

  /** Calcite's default leading precision of an interval (RelDataTypeSystem.DEFAULT). */
  private static final int DEFAULT_LEADING_PRECISION = 2;

  /** Calcite's largest leading precision of an interval (RelDataTypeSystem.DEFAULT). */
  private static final int MAX_LEADING_PRECISION = 10;

  private final Kind kind;
  private final @Nullable SqlIdentifier timeColumn;
  private final SqlIntervalLiteral size;
  private final @Nullable SqlIntervalLiteral advance;
  private final @Nullable SqlIdentifier key;

  /**
   * @param pos from WINDOW to the closing parenthesis
   * @param kind the window type
   * @param timeColumn the event-time column, when written
   * @param size TUMBLING's and SLIDING's size, SESSION's gap
   * @param advance SLIDING's advance (null for the others)
   * @param key SESSION's key column, when written (null for the others)
   */
  public SqlVelostreamWindow(
      SqlParserPos pos,
      Kind kind,
      @Nullable SqlIdentifier timeColumn,
      SqlIntervalLiteral size,
      @Nullable SqlIntervalLiteral advance,
      @Nullable SqlIdentifier key) {
    super(pos);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.timeColumn = timeColumn;
    this.size = Objects.requireNonNull(size, "size");
    this.advance = advance;
    this.key = key;
    if ((advance != null) != (kind == Kind.SLIDING)) {
      throw new IllegalArgumentException("an advance is given exactly for SLIDING: " + kind);
    }
    if (key != null && kind != Kind.SESSION) {
      throw new IllegalArgumentException("a key column is given only for SESSION: " + kind);
    }
  }

  /**
   * Makes the window of {@code WINDOW name(arguments)}, as the parser read it.
   *
   * @param pos from WINDOW to the closing parenthesis
   * @param name TUMBLING, SLIDING or SESSION, in any case
   * @param arguments each an identifier (a column) or an interval literal (a duration, see {@link
   *     #duration})
   * @throws org.apache.calcite.runtime.CalciteContextException for an unknown window type, wrong
   *     arguments, or a duration that is not a positive day-time interval, at the offending token
   */
  public static SqlVelostreamWindow create(
      SqlParserPos pos, SqlIdentifier name, List<SqlNode> arguments) {
    final Kind kind;
    try {
      kind = Kind.valueOf(name.getSimple().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fail(
          name.getParserPosition(),
          SluiceParserResource.RESOURCE.unknownWindowType(name.getSimple()));
    }
    List<SqlNode> args = new ArrayList<>(arguments);
    SqlIdentifier timeColumn = null;
    if (!args.isEmpty() && args.get(0) instanceof SqlIdentifier id) {
      timeColumn = id;
      args.remove(0);
    }
    int durations = kind == Kind.SLIDING ? 2 : 1;
    List<SqlIntervalLiteral> values = new ArrayList<>();
    for (int i = 0; i < durations; i++) {
      if (i >= args.size()) {
        throw wrongArguments(kind, pos);
      }
      if (!(args.get(i) instanceof SqlIntervalLiteral value)) {
        throw wrongArguments(kind, args.get(i).getParserPosition());
      }
      values.add(value);
    }
    args = args.subList(durations, args.size());
    SqlIdentifier key = null;
    if (kind == Kind.SESSION && timeColumn != null && args.size() == 1
        && args.get(0) instanceof SqlIdentifier id) {
      key = id;
      args = List.of();
    }
    if (!args.isEmpty()) {
      throw wrongArguments(kind, args.get(0).getParserPosition());
    }
    String[] what =
        switch (kind) {
          case TUMBLING -> new String[] {"size"};
          case SLIDING -> new String[] {"size", "advance"};
          case SESSION -> new String[] {"gap"};
        };
    for (int i = 0; i < values.size(); i++) {
      checkPositiveDayTime(values.get(i), what[i]);
    }
    return new SqlVelostreamWindow(
        pos, kind, timeColumn, values.get(0), values.size() > 1 ? values.get(1) : null, key);
  }

  /**
   * The interval literal for a Velostream duration written as a number and an optional unit:
   * {@code ms}, {@code s} (also without a unit, as Velostream reads a bare number), {@code m},
   * {@code h}, {@code d} or {@code w}, in lower case as Velostream reads them. {@code 5m} gives
   * {@code INTERVAL '5' MINUTE} (the literal a window-table-function query would hold), with the
   * leading precision widened past Calcite's default of 2 digits only when the number needs it.
   *
   * @param digits the number, as the lexer read it
   * @param numberPos the number's position
   * @param unit the unit that follows the number, or null
   * @throws org.apache.calcite.runtime.CalciteContextException for an unknown unit (at the unit)
   *     or a number too large for an interval
   */
  public static SqlIntervalLiteral duration(
      String digits, SqlParserPos numberPos, @Nullable SqlIdentifier unit) {
    SqlParserPos pos = unit == null ? numberPos : numberPos.plus(unit.getParserPosition());
    String unitName = unit == null ? "" : unit.getSimple();
    String written = digits + unitName;
    BigInteger number = new BigInteger(digits);
    final TimeUnit timeUnit;
    final String text;
    switch (unitName) {
      case "ms" -> {
        timeUnit = TimeUnit.SECOND;
        text = new BigDecimal(number).movePointLeft(3).stripTrailingZeros().toPlainString();
      }
      case "", "s" -> {
        timeUnit = TimeUnit.SECOND;
        text = number.toString();
      }
      case "m" -> {
        timeUnit = TimeUnit.MINUTE;
        text = number.toString();
      }
      case "h" -> {
        timeUnit = TimeUnit.HOUR;
        text = number.toString();
      }
      case "d" -> {
        timeUnit = TimeUnit.DAY;
        text = number.toString();
      }
      case "w" -> {
        timeUnit = TimeUnit.DAY;
        text = number.multiply(BigInteger.valueOf(7)).toString();
      }
      default -> {
        SqlParserPos unitPos = Objects.requireNonNull(unit, "unit").getParserPosition();
        throw fail(unitPos, SluiceParserResource.RESOURCE.unknownDurationUnit(unitName, written));
      }
    }
    int leading = text.indexOf('.') < 0 ? text.length() : text.indexOf('.');
    if (leading > MAX_LEADING_PRECISION) {
      throw fail(pos, SluiceParserResource.RESOURCE.durationTooLarge(written));
    }
    int precision =
        leading > DEFAULT_LEADING_PRECISION
            ? leading
            : RelDataType.PRECISION_NOT_SPECIFIED;
    SqlIntervalQualifier qualifier =
        new SqlIntervalQualifier(
            timeUnit, precision, null, RelDataType.PRECISION_NOT_SPECIFIED, pos);
    return (SqlIntervalLiteral) SqlParserUtil.parseIntervalLiteral(pos, 1, text, qualifier);
  }

  /**
   * The SELECT's WINDOW list with the Velostream windows first: what the parser stores (see the
   * class comment). Returns {@code windowDecls} itself when there is no Velostream window.
   */
  public static @Nullable SqlNodeList prependTo(
      List<SqlNode> velostreamWindows, @Nullable SqlNodeList windowDecls) {
    if (velostreamWindows.isEmpty()) {
      return windowDecls;
    }
    List<SqlNode> all = new ArrayList<>(velostreamWindows);
    SqlParserPos pos = velostreamWindows.get(0).getParserPosition();
    if (windowDecls != null) {
      all.addAll(windowDecls.getList());
      pos = pos.plus(windowDecls.getParserPosition());
    }
    return new SqlNodeList(all, pos);
  }

  private static void checkPositiveDayTime(SqlIntervalLiteral value, String what) {
    SqlIntervalLiteral.IntervalValue interval =
        value.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    if (interval.getIntervalQualifier().isYearMonth()) {
      throw fail(
          value.getParserPosition(),
          SluiceParserResource.RESOURCE.windowDurationYearMonth(what));
    }
    if (interval.getSign() < 0 || SqlParserUtil.intervalToMillis(interval) <= 0) {
      throw fail(
          value.getParserPosition(),
          SluiceParserResource.RESOURCE.windowDurationNotPositive(what));
    }
  }

  private static RuntimeException wrongArguments(Kind kind, SqlParserPos pos) {
    return fail(pos, SluiceParserResource.RESOURCE.windowArguments(kind.name(), kind.forms));
  }

  private static RuntimeException fail(SqlParserPos pos, Resources.ExInst<CalciteException> e) {
    return SqlUtil.newContextException(pos, e);
  }

  /** The window type. */
  public Kind kind() {
    return kind;
  }

  /** The event-time column named in the clause, or null (the table's event-time column). */
  public @Nullable SqlIdentifier timeColumn() {
    return timeColumn;
  }

  /** TUMBLING's and SLIDING's size, SESSION's gap. */
  public SqlIntervalLiteral size() {
    return size;
  }

  /** SLIDING's advance (the hop), null for the other types. */
  public @Nullable SqlIntervalLiteral advance() {
    return advance;
  }

  /** SESSION's key column as written in the clause, or null (the GROUP BY keys). */
  public @Nullable SqlIdentifier key() {
    return key;
  }

  /** Position of the clause, from WINDOW to the closing parenthesis. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        SqlLiteral.createSymbol(kind, getParserPosition()), timeColumn, size, advance, key);
  }

  /** Writes {@code TUMBLING(...)}; SqlSelect's unparse writes the WINDOW keyword before it. */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode argument : new SqlNode[] {timeColumn, size, advance, key}) {
      if (argument != null) {
        writer.sep(",");
        argument.unparse(writer, 0, 0);
      }
    }
    writer.endList(frame);
  }
}
