package io.sluice.compiler.parser;

import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.Resources;

/** Messages for errors the Sluice grammar itself raises while parsing. */
public interface SluiceParserResource {
  /** The instance the generated parser uses. */
  SluiceParserResource RESOURCE = Resources.create(SluiceParserResource.class);

  /** A CREATE TABLE element list with a second WATERMARK clause. */
  @Resources.BaseMessage("a table can declare only one WATERMARK")
  Resources.ExInst<CalciteException> duplicateWatermark();

  /** {@code WINDOW name(...)} where the name is not one of Velostream's window types. */
  @Resources.BaseMessage("unknown window type ''{0}'' (expected TUMBLING, SLIDING or SESSION)")
  Resources.ExInst<CalciteException> unknownWindowType(String name);

  /** A Velostream window written with the wrong arguments. */
  @Resources.BaseMessage("{0} takes {1}")
  Resources.ExInst<CalciteException> windowArguments(String kind, String forms);

  /** A Velostream duration such as {@code 5x} whose unit is not one Sluice reads. */
  @Resources.BaseMessage(
      "unknown duration unit ''{0}'' in ''{1}'' (use ms, s, m, h, d or w: timestamps are"
          + " milliseconds)")
  Resources.ExInst<CalciteException> unknownDurationUnit(String unit, String duration);

  /** A Velostream duration too large for an interval. */
  @Resources.BaseMessage("duration ''{0}'' is too large")
  Resources.ExInst<CalciteException> durationTooLarge(String duration);

  /** A window size, advance or gap of zero or less. */
  @Resources.BaseMessage("a window {0} must be positive")
  Resources.ExInst<CalciteException> windowDurationNotPositive(String what);

  /** A window size, advance or gap given in months or years. */
  @Resources.BaseMessage(
      "a window {0} is a time in days, hours, minutes, seconds or milliseconds, not in months or"
          + " years")
  Resources.ExInst<CalciteException> windowDurationYearMonth(String what);
}
