package io.sluice.compiler.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Sluice's SQL conformance: Calcite's default, plus {@code a % b} as the remainder operator (as in
 * Flink SQL, which streaming users write).
 */
public final class SluiceConformance extends SqlDelegatingConformance {
  public static final SluiceConformance INSTANCE = new SluiceConformance();

  private SluiceConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  @Override
  public boolean isPercentRemainderAllowed() {
    return true;
  }
}
