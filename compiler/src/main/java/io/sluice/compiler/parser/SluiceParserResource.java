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
}
