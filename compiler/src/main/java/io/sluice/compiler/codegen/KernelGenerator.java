package io.sluice.compiler.codegen;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.sluice.compiler.CompileException;
import io.sluice.compiler.kernel.KernelSpec;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.apache.calcite.plan.RelOptUtil;
import io.sluice.runtime.simd.VectorSupport;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands a kernel template (codegen-templates, one per {@link KernelSpec.Shape}) for one
 * {@link KernelSpec}: the templates hold the kernel's structure; this class supplies the
 * query-specific pieces (columns read, expression code from {@link ExprCodegen}, key layout,
 * aggregate list) as the template model.
 */
public final class KernelGenerator {
    /** Package of every generated kernel. */
    public static final String PACKAGE = "io.sluice.generated";

    private static final Configuration FREEMARKER = configuration();

    /** Local names the templates use; input columns with these names get a {@code col_} prefix. */
    private static final Set<String> RESERVED = Set.of("i", "n", "e", "h", "d", "key", "buf", "acc", "batch", "out",
        "row", "flags", "groups", "windows", "dictionary", "localStrings", "budget", "start", "before", "after", "present",
        "wasPresent", "window_start", "window_end", "context", "watermark", "ex", "dirty", "filteredRows",
        "lateRows", "OUTPUT", "SIZE", "ACC_BYTES", "SNAPSHOT", "FLAGS", "DIRTY", "EMITTED", "t", "ws", "we", "wm",
        "end", "from", "s", "ke", "next", "target", "sessions", "firedUpTo", "time", "merged", "SLIDE", "STEP", "OFFSET",
        "GAP", "LATENESS", "BOUNDS", "FIRED", "DEAD", "CHANGES", "m", "sel", "simd", "part", "dpart", "passed", "pass",
        "bits", "Simd", "LS", "IS", "DS", "NO");

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
        "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
        "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
        "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
        "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
        "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "String", "Double",
        "Boolean", "Long", "Integer", "Math", "UnsafeApi", "Schema", "Column", "SqlType", "SqlFunctions", "ResultRow",
        "RowKind", "GroupTable", "OpenWindows", "TumblingWindows", "UnsafeBuffer", "ColumnBatch", "ColumnVector",
        "HoppingWindows", "CumulativeWindows", "SessionWindows", "DirtyEntries", "MemorySegment", "ByteOrder",
        "DoubleVector", "IntVector", "LongVector", "VectorMask", "VectorOperators", "VectorSpecies", "java", "jdk");

    private KernelGenerator() {
    }

    private static Configuration configuration() {
        final Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(KernelGenerator.class, "/sluice/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    /** A generated kernel: its class name and Java source. */
    public record GeneratedKernel(String className, String source) {
        public String qualifiedName() {
            return PACKAGE + "." + className;
        }
    }

    /**
     * Generates the kernel source for {@code spec}.
     *
     * @param sql the query text, quoted in the class's Javadoc
     */
    public static GeneratedKernel generate(final KernelSpec spec, final String sql, final RexBuilder rexBuilder)
        throws CompileException {
        final Map<String, Object> model = new HashMap<>();
        model.put("package", PACKAGE);
        final List<String> lines = new ArrayList<>();
        for (final String l : sql.strip().split("\r?\n")) {
            lines.add(l.replace("*/", "* /").replace("\\u", "\\ u"));
        }
        model.put("queryLines", lines);
        model.put("output", outputModel(spec.output()));
        model.put("changelog", spec.changelog());
        model.put("emitChanges", spec.emitChanges());
        final Map<String, Object> late = new HashMap<>();
        late.put("kind", spec.latePolicy().kind().name());
        late.put("lateness", spec.latePolicy().allowedLatenessMillis());
        model.put("late", late);

        final Schema input = spec.table().schema();
        final RexProgram rowProgram = spec.rowProgram();
        final Map<Integer, ExprCodegen.Expr> columnExprs = new LinkedHashMap<>();
        final List<Map<String, Object>> columns = columnsModel(spec, input, rowProgram, columnExprs);
        model.put("columns", columns);
        if (spec.window() != null) {
            final Map<String, Object> w = new HashMap<>();
            w.put("kind", spec.window().kind().name());
            w.put("size", spec.window().sizeMillis());
            w.put("offset", spec.window().offsetMillis());
            w.put("slide", spec.window().slideMillis());
            w.put("timeVar", columnExprs.get(spec.window().timeColumn()).value());
            final int time = spec.window().timeColumn();
            w.put("timeColumn", time);
            model.put("window", w);
            // the event-time column (it carries the WATERMARK) is never NULL: the source rejects such rows
            final boolean timeNeverNull = !input.column(time).nullable() || time == spec.table().eventTimeColumn();
            model.put("oneWindowPath", spec.shape() == KernelSpec.Shape.WINDOW_AGGREGATE
                && spec.window().kind() == KernelSpec.WindowKind.TUMBLE && !spec.changelog() && timeNeverNull);
        }

        final TempNames rowTemps = new TempNames();
        final ExprCodegen rowGen = new ExprCodegen(new ExprCodegen.Inputs() {
            @Override
            public ExprCodegen.Expr input(final int index) {
                if (index < input.size()) {
                    return columnExprs.get(index);
                }
                return new ExprCodegen.Expr(index == input.size() ? "window_start" : "window_end", "false",
                    SqlType.TIMESTAMP);
            }

            @Override
            public String name(final int index) {
                return rowProgram.getInputRowType().getFieldNames().get(index);
            }
        }, rexBuilder, rowTemps);
        final String rowIndent = "                ";
        if (rowProgram.getCondition() != null) {
            final StringBuilder code = new StringBuilder();
            final ExprCodegen.Expr cond = rowGen.gen(rowProgram.expandLocalRef(rowProgram.getCondition()), code, rowIndent);
            final Map<String, Object> f = new HashMap<>();
            f.put("code", code.toString());
            f.put("pass", cond.nullable() ? "!" + cond.isNull() + " && " + cond.value() : cond.value());
            model.put("filter", f);
        }
        final VectorCodegen.LanePredicate lanes = lanePredicate(spec, rexBuilder, columnExprs);
        if (!spec.aggregating()) {
            final StringBuilder code = new StringBuilder();
            final List<ExprCodegen.Expr> outputs = new ArrayList<>();
            for (final RexNode project : rowProgram.expandList(rowProgram.getProjectList())) {
                outputs.add(rowGen.gen(project, code, rowIndent));
            }
            model.put("projectCode", code.toString());
            model.put("results", resultsModel(spec.output(), outputs));
            return render(spec, model, sql);
        }

        // group key and aggregate arguments, computed per row
        final StringBuilder keyCode = new StringBuilder();
        final Map<Integer, ExprCodegen.Expr> projected = new HashMap<>();
        final List<Map<String, Object>> keys = new ArrayList<>();
        final List<RexNode> projects = rowProgram.expandList(rowProgram.getProjectList());
        final List<ExprCodegen.Expr> keyExprs = new ArrayList<>();
        for (int p = 0; p < spec.groupKeys().size(); p++) {
            if (p == spec.windowStartKey() || p == spec.windowEndKey()) {
                keyExprs.add(null);
                continue;
            }
            final int field = spec.groupKeys().get(p);
            final ExprCodegen.Expr k = projected.containsKey(field) ? projected.get(field)
                : genProjection(rowGen, projects, field, keyCode, rowIndent, projected);
            keyExprs.add(k);
        }
        int word = 0;
        boolean anyNullable = false;
        for (final ExprCodegen.Expr k : keyExprs) {
            anyNullable |= k != null && k.nullable();
        }
        int storedKeys = 0;
        for (final ExprCodegen.Expr k : keyExprs) {
            storedKeys += k == null ? 0 : 1;
        }
        final int nullWord = anyNullable ? storedKeys : -1;
        final StringBuilder nullMask = new StringBuilder();
        int bit = 0;
        for (int p = 0; p < keyExprs.size(); p++) {
            final ExprCodegen.Expr k = keyExprs.get(p);
            if (k == null) {
                continue;
            }
            final Map<String, Object> km = new HashMap<>();
            km.put("pos", p);
            km.put("word", word);
            km.put("type", k.type().name());
            km.put("javaType", JavaType.name(k.type()));
            km.put("nullable", k.nullable());
            final String wordExpr = wordOf(k);
            km.put("wordExpr", k.nullable() ? k.isNull() + " ? 0L : " + wordExpr : wordExpr);
            km.put("decode", decode(k, "groups.keyWord(e, " + word + ")"));
            if (k.nullable()) {
                km.put("bit", 1L << bit);
                nullMask.append(nullMask.length() == 0 ? "" : " | ").append('(').append(k.isNull()).append(" ? ")
                    .append(1L << bit).append("L : 0L)");
                bit++;
            }
            keys.add(km);
            word++;
        }
        model.put("keys", keys);
        model.put("nullWord", nullWord);
        model.put("nullMask", nullMask.toString());
        model.put("keyWords", storedKeys + (anyNullable ? 1 : 0));

        final List<Map<String, Object>> aggs = new ArrayList<>();
        final List<ExprCodegen.Expr> aggResults = new ArrayList<>();
        int offset = 0;
        for (int j = 0; j < spec.aggregates().size(); j++) {
            final KernelSpec.Aggregate a = spec.aggregates().get(j);
            final Map<String, Object> am = new HashMap<>();
            am.put("index", j);
            am.put("kind", a.kind().name());
            am.put("off", offset);
            am.put("nameLiteral", JavaType.stringLiteral(a.name()));
            SqlType argType = SqlType.BIGINT;
            if (a.argument() >= 0) {
                final ExprCodegen.Expr arg = projected.containsKey(a.argument()) ? projected.get(a.argument())
                    : genProjection(rowGen, projects, a.argument(), keyCode, rowIndent, projected);
                argType = arg.type();
                am.put("arg", arg.value());
                am.put("argNull", arg.isNull());
                // column strings are codes of the source's dictionary; computed ones go to the kernel's own
                am.put("argCode", arg.code() != null ? arg.code() : "localStrings.intern(" + arg.value() + ")");
                am.put("dict", arg.code() != null ? "dictionary" : "localStrings");
            } else {
                am.put("argNull", "false");
            }
            am.put("argType", argType.name());
            // a group exists only once a row reached it (GROUP BY keys or a window: not the one
            // group of a plain aggregate, which exists before any row): so a SUM of a NOT NULL
            // argument is never NULL there and needs no count of non-NULL arguments
            am.put("counted", !(a.kind() == KernelSpec.AggregateKind.SUM && "false".equals(am.get("argNull"))
                && (storedKeys > 0 || spec.shape() != KernelSpec.Shape.GROUP_AGGREGATE)));
            final SqlType resultType = switch (a.kind()) {
                case COUNT_STAR, COUNT -> SqlType.BIGINT;
                case SUM -> argType == SqlType.DOUBLE ? SqlType.DOUBLE : SqlType.BIGINT;
                case AVG -> SqlType.DOUBLE;
                case MIN, MAX -> argType;
            };
            final boolean counts = a.kind() == KernelSpec.AggregateKind.COUNT_STAR
                || a.kind() == KernelSpec.AggregateKind.COUNT;
            aggResults.add(new ExprCodegen.Expr("a" + j, counts ? "false" : "a" + j + "_null", resultType));
            offset += counts ? 8 : 16;
            aggs.add(am);
        }
        model.put("aggs", aggs);
        final Map<String, Object> fused = storedKeys == 0 && spec.shape() == KernelSpec.Shape.GROUP_AGGREGATE
            && (rowProgram.getCondition() == null || lanes != null)
            ? fusedModel(spec, projects, aggs, input, columnExprs, lanes) : null;
        if (fused != null) {
            model.put("fused", fused);
        }
        final VectorCodegen.LaneColumn singleKey = singleKey(spec, projects, keyExprs, nullWord, input);
        if (singleKey != null && fused == null) {
            // the key word straight from its column, for the lookups that run ahead of the row loop
            final String read = singleKey.kind().equals("I")
                ? "(long) UnsafeApi.getInt(key_at + ((long) i << 2))"
                : "UnsafeApi.getLong(key_at + ((long) i << 3))";
            model.put("denseKey", Map.of("word", keys.get(0).get("wordExpr"), "index", singleKey.index(), "read", read));
        }
        // the SIMD twin hashes the key in lanes for the lookups ahead of its row loop, which need
        // the passing rows first: every row, or those a WHERE in lanes selected
        final boolean rowsKnownFirst = rowProgram.getCondition() == null || lanes != null;
        // without WHERE, a batch of small keys may fold packed (PackedPartials)
        simdModel(model, spec, lanes, fused, rowsKnownFirst ? singleKey : null,
            rowProgram.getCondition() == null ? packedModel(spec, projects, input) : null);
        model.put("accBytes", Math.max(8, offset));
        model.put("keyCode", keyCode.toString());

        // HAVING and the final projection, over keys then aggregates
        final RexProgram result = spec.resultProgram();
        final int nKeys = spec.groupKeys().size();
        final List<ExprCodegen.Expr> resultInputs = new ArrayList<>();
        for (int p = 0; p < nKeys; p++) {
            if (p == spec.windowStartKey()) {
                resultInputs.add(new ExprCodegen.Expr("window_start", "false", SqlType.TIMESTAMP));
            } else if (p == spec.windowEndKey()) {
                resultInputs.add(new ExprCodegen.Expr("window_end", "false", SqlType.TIMESTAMP));
            } else {
                final ExprCodegen.Expr k = keyExprs.get(p);
                resultInputs.add(new ExprCodegen.Expr("k" + p, k.nullable() ? "k" + p + "_null" : "false", k.type()));
            }
        }
        resultInputs.addAll(aggResults);
        final ExprCodegen resultGen = new ExprCodegen(new ExprCodegen.Inputs() {
            @Override
            public ExprCodegen.Expr input(final int index) {
                return resultInputs.get(index);
            }

            @Override
            public String name(final int index) {
                return index >= nKeys ? spec.aggregates().get(index - nKeys).name()
                    : result.getInputRowType().getFieldNames().get(index);
            }
        }, rexBuilder, new TempNames());
        final String resultIndent = "        ";
        if (result.getCondition() != null) {
            final StringBuilder code = new StringBuilder();
            final ExprCodegen.Expr cond = resultGen.gen(result.expandLocalRef(result.getCondition()), code, resultIndent);
            final Map<String, Object> h = new HashMap<>();
            h.put("code", code.toString());
            h.put("pass", cond.nullable() ? "!" + cond.isNull() + " && " + cond.value() : cond.value());
            model.put("having", h);
        }
        final StringBuilder resultCode = new StringBuilder();
        final List<ExprCodegen.Expr> outputs = new ArrayList<>();
        for (final RexNode project : result.expandList(result.getProjectList())) {
            outputs.add(resultGen.gen(project, resultCode, resultIndent));
        }
        model.put("resultCode", resultCode.toString());
        model.put("results", resultsModel(spec.output(), outputs));
        return render(spec, model, sql);
    }

    /** WHERE in lanes, when the SIMD twins are generated and the predicate allows it; else null. */
    private static VectorCodegen.LanePredicate lanePredicate(final KernelSpec spec, final RexBuilder rexBuilder,
                                                             final Map<Integer, ExprCodegen.Expr> columnExprs) {
        final RexProgram program = spec.rowProgram();
        if (!VectorSupport.MODULE_LOADED || program.getCondition() == null) {
            return null;
        }
        final Schema input = spec.table().schema();
        return VectorCodegen.predicate(program.expandLocalRef(program.getCondition()), rexBuilder, input.size(),
            i -> input.column(i).type(), i -> input.column(i).nullable(), i -> columnExprs.get(i).value());
    }

    /**
     * The fused loop's model (fused.ftl) when every aggregate is COUNT(*) or reads a number that runs
     * in lanes (a column, or arithmetic over columns: VectorCodegen.value); null otherwise.
     *
     * @param where the WHERE clause in lanes, or null (none)
     */
    private static Map<String, Object> fusedModel(final KernelSpec spec, final List<RexNode> projects,
                                                  final List<Map<String, Object>> aggs, final Schema input,
                                                  final Map<Integer, ExprCodegen.Expr> columnExprs,
                                                  final VectorCodegen.LanePredicate where) {
        final List<Map<String, Object>> fusedAggs = new ArrayList<>();
        final Map<Integer, VectorCodegen.LaneColumn> cols = new LinkedHashMap<>();
        int slot = 0;
        int dslot = 0;
        for (int j = 0; j < spec.aggregates().size(); j++) {
            final KernelSpec.Aggregate a = spec.aggregates().get(j);
            final Map<String, Object> fa = new HashMap<>(aggs.get(j));
            if (a.kind() != KernelSpec.AggregateKind.COUNT_STAR) {
                // the argument in lanes: a column, or arithmetic over columns (VectorCodegen.value)
                final VectorCodegen.LaneValue lane = VectorCodegen.value(projects.get(a.argument()), "va" + j + "_",
                    input.size(), i -> input.column(i).type(), i -> input.column(i).nullable(),
                    i -> columnExprs.get(i).value());
                final boolean minMax = a.kind() == KernelSpec.AggregateKind.MIN || a.kind() == KernelSpec.AggregateKind.MAX;
                if (lane == null || lane.kind().equals("D") && minMax) {
                    return null;
                }
                final String kind = lane.kind();
                cols.putAll(lane.columns());
                fa.put("lane", lane.value());
                fa.put("laneCode", lane.code());
                if (lane.nulls() != null) {
                    fa.put("laneNull", lane.nulls());
                }
                if (lane.overflow() != null) {
                    fa.put("laneOverflow", lane.overflow());
                }
                fa.put("colKind", kind);
                fa.put("nullable", lane.nulls() != null);
                fa.put("slot", slot);
                fa.put("dslot", dslot);
                switch (a.kind()) {
                    case COUNT -> slot += 1;
                    case SUM, AVG -> {
                        slot += kind.equals("D") ? 1 : 4;
                        dslot += kind.equals("D") ? 8 : 0;
                    }
                    default -> slot += 2;
                }
            } else {
                fa.put("nullable", false);
            }
            fusedAggs.add(fa);
        }
        final Map<String, Object> fused = new HashMap<>();
        fused.put("aggs", fusedAggs);
        fused.put("longSlots", Math.max(1, slot));
        fused.put("doubleSlots", Math.max(1, dslot));
        fused.put("cols", cols);
        // BIGINT arithmetic in lanes (an argument's, or WHERE's) may overflow: its lanes are tracked, the batch
        // then left to the row loop
        fused.put("laneOverflow", fusedAggs.stream().anyMatch(fa -> fa.containsKey("laneOverflow"))
            || where != null && where.overflow() != null);
        return fused;
    }

    /**
     * The SIMD twin's model (simd.ftl): the columns its lanes load, WHERE in lanes, and whether it
     * selects rows in lanes before the row loop ({@code select}), and whether a batch of small keys
     * may fold packed ({@code packed}, see packedModel) — none when nothing runs in lanes.
     */
    @SuppressWarnings("unchecked")
    private static void simdModel(final Map<String, Object> model, final KernelSpec spec,
                                  final VectorCodegen.LanePredicate lanes, final Map<String, Object> fused,
                                  final VectorCodegen.LaneColumn hashKey, final Map<String, Object> packed) {
        if (!VectorSupport.MODULE_LOADED || lanes == null && fused == null && hashKey == null) {
            return;
        }
        final Map<Integer, VectorCodegen.LaneColumn> cols = new LinkedHashMap<>();
        if (lanes != null) {
            cols.putAll(lanes.columns());
        }
        if (fused != null) {
            cols.putAll((Map<Integer, VectorCodegen.LaneColumn>) fused.get("cols"));
        }
        final Map<String, Object> simd = new HashMap<>();
        final List<Map<String, Object>> colList = new ArrayList<>();
        for (final VectorCodegen.LaneColumn c : cols.values()) {
            final Map<String, Object> m = new HashMap<>();
            m.put("index", c.index());
            m.put("var", c.var());
            m.put("kind", c.kind());
            m.put("nullable", c.nullable());
            m.put("filter", lanes != null && lanes.columns().containsKey(c.index())); // WHERE reads it
            colList.add(m);
        }
        simd.put("cols", colList);
        if (lanes != null) {
            final Map<String, Object> f = new HashMap<>();
            f.put("code", lanes.code());
            f.put("mask", lanes.mask());
            if (lanes.overflow() != null) {
                // BIGINT arithmetic in WHERE may overflow in lanes: such a batch goes to the scalar code
                f.put("overflow", lanes.overflow());
            }
            simd.put("filter", f);
        }
        final boolean groupLoop = fused == null && spec.shape() == KernelSpec.Shape.GROUP_AGGREGATE;
        simd.put("select", lanes != null && groupLoop);
        if (hashKey != null && groupLoop) {
            final Map<String, Object> k = new HashMap<>();
            k.put("index", hashKey.index());
            k.put("var", hashKey.var());
            k.put("kind", hashKey.kind());
            simd.put("hashKey", k);
            if (packed != null) {
                simd.put("packed", packed);
            }
        }
        simd.put("rowLoop", groupLoop && (lanes != null || hashKey != null));
        model.put("simd", simd);
    }

    /**
     * Whether the SIMD twin may fold a batch of small keys packed (PackedPartials: one word per key
     * holding its count and sum): every aggregate is COUNT(*), or COUNT, SUM or AVG of one and the
     * same NOT NULL BIGINT or INT column (so a row can fail only by a sum's overflow, which
     * PackedPartials.sumFits rules out before anything changes). The model names that column
     * ({@code sum}: its index and how a row's value is read at {@code sum_at}) when one is summed;
     * null when the aggregates do not qualify.
     */
    private static Map<String, Object> packedModel(final KernelSpec spec, final List<RexNode> projects,
                                                   final Schema input) {
        int column = -1;
        for (final KernelSpec.Aggregate a : spec.aggregates()) {
            if (a.kind() == KernelSpec.AggregateKind.COUNT_STAR) {
                continue;
            }
            final boolean summed = a.kind() == KernelSpec.AggregateKind.SUM || a.kind() == KernelSpec.AggregateKind.AVG;
            if (!summed && a.kind() != KernelSpec.AggregateKind.COUNT
                || !(projects.get(a.argument()) instanceof RexInputRef ref) || ref.getIndex() >= input.size()) {
                return null;
            }
            final Column c = input.column(ref.getIndex());
            if (c.nullable() || summed && c.type() != SqlType.BIGINT && c.type() != SqlType.INT) {
                return null;
            }
            if (summed) {
                if (column >= 0 && column != ref.getIndex()) {
                    return null; // two summed columns do not fit one word
                }
                column = ref.getIndex();
            }
        }
        final Map<String, Object> packed = new HashMap<>();
        if (column >= 0) {
            final boolean isInt = input.column(column).type() == SqlType.INT;
            packed.put("sum", Map.of(
                "index", column,
                "var", "sum",
                "kind", isInt ? "I" : "L",
                "read", isInt ? "UnsafeApi.getInt(sum_at + ((long) i << 2))" : "UnsafeApi.getLong(sum_at + ((long) i << 3))"));
        }
        return packed;
    }

    /**
     * The column whose values (or dictionary codes) are the whole group key: one NOT NULL BIGINT,
     * TIMESTAMP, INT or VARCHAR column, grouped as it is. Both twins look a batch's groups up before
     * folding its rows (small non-negative keys by array index); the SIMD twin hashes it in lanes.
     */
    private static VectorCodegen.LaneColumn singleKey(final KernelSpec spec, final List<RexNode> projects,
                                                    final List<ExprCodegen.Expr> keyExprs, final int nullWord,
                                                    final Schema input) {
        if (spec.shape() != KernelSpec.Shape.GROUP_AGGREGATE || keyExprs.size() != 1 || nullWord >= 0
            || !(projects.get(spec.groupKeys().get(0)) instanceof RexInputRef ref) || ref.getIndex() >= input.size()) {
            return null;
        }
        final Column c = input.column(ref.getIndex());
        final ExprCodegen.Expr k = keyExprs.get(0);
        final String kind = c.type() == SqlType.VARCHAR ? "I" : VectorCodegen.laneKind(c.type());
        if (c.nullable() || kind == null || kind.equals("D")) {
            return null;
        }
        // a VARCHAR column's key word is its dictionary code: the int the column holds
        return new VectorCodegen.LaneColumn(ref.getIndex(), k.value(), kind, false);
    }

    private static ExprCodegen.Expr genProjection(final ExprCodegen gen, final List<RexNode> projects, final int field,
                                                  final StringBuilder code, final String indent,
                                                  final Map<Integer, ExprCodegen.Expr> projected) throws CompileException {
        final ExprCodegen.Expr e = gen.gen(projects.get(field), code, indent);
        projected.put(field, e);
        return e;
    }

    /** The 64-bit key word of a key value. */
    private static String wordOf(final ExprCodegen.Expr k) {
        return switch (k.type()) {
            case BIGINT, TIMESTAMP -> k.value();
            case INT -> "(long) " + k.value();
            case BOOLEAN -> "(" + k.value() + " ? 1L : 0L)";
            case DOUBLE -> "SqlFunctions.keyBits(" + k.value() + ")";
            case VARCHAR -> k.code() != null ? "(long) " + k.code() : "(long) localStrings.intern(" + k.value() + ")";
        };
    }

    /** The key value back from its word; VARCHAR codes from the dictionary {@link #wordOf} used. */
    private static String decode(final ExprCodegen.Expr k, final String word) {
        return switch (k.type()) {
            case BIGINT, TIMESTAMP -> word;
            case INT -> "(int) " + word;
            case BOOLEAN -> word + " != 0L";
            case DOUBLE -> "Double.longBitsToDouble(" + word + ")";
            case VARCHAR -> (k.code() != null ? "dictionary" : "localStrings") + ".get((int) " + word + ")";
        };
    }

    private static List<Map<String, Object>> columnsModel(final KernelSpec spec, final Schema input,
                                                          final RexProgram program,
                                                          final Map<Integer, ExprCodegen.Expr> exprs) {
        final List<RexNode> all = new ArrayList<>(program.expandList(program.getProjectList()));
        if (program.getCondition() != null) {
            all.add(program.expandLocalRef(program.getCondition()));
        }
        final ImmutableBitSet.Builder used = ImmutableBitSet.builder();
        used.addAll(RelOptUtil.InputFinder.bits(all, null));
        if (spec.window() != null) {
            used.set(spec.window().timeColumn());
        }
        final List<Map<String, Object>> columns = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final int index : used.build()) {
            if (index >= input.size()) {
                continue; // window_start, window_end
            }
            final Column c = input.column(index);
            String var = c.name().replaceAll("[^A-Za-z0-9_]", "_");
            if (var.isEmpty() || !Character.isJavaIdentifierStart(var.charAt(0)) || RESERVED.contains(var)
                || JAVA_KEYWORDS.contains(var) || var.matches("(t|k|a|c|s|v|m|vm|lo|hi)[0-9]+.*") || !names.add(var.toLowerCase(Locale.ROOT))) {
                var = "col" + index + "_" + var;
                names.add(var.toLowerCase(Locale.ROOT));
            }
            final Map<String, Object> m = new HashMap<>();
            m.put("index", index);
            m.put("var", var);
            m.put("nullable", c.nullable());
            m.put("varchar", c.type() == SqlType.VARCHAR);
            m.put("javaType", JavaType.name(c.type()));
            m.put("rawRead", switch (c.type()) {
                case BOOLEAN -> "UnsafeApi.getByte(" + var + "_at + i) != 0";
                case INT -> "UnsafeApi.getInt(" + var + "_at + ((long) i << 2))";
                case BIGINT, TIMESTAMP -> "UnsafeApi.getLong(" + var + "_at + ((long) i << 3))";
                case DOUBLE -> "UnsafeApi.getDouble(" + var + "_at + ((long) i << 3))";
                case VARCHAR -> "";
            });
            m.put("getter", switch (c.type()) {
                case BOOLEAN -> "getBoolean";
                case INT -> "getInt";
                case BIGINT, TIMESTAMP -> "getLong";
                case DOUBLE -> "getDouble";
                case VARCHAR -> "getString";
            });
            columns.add(m);
            exprs.put(index, new ExprCodegen.Expr(var, c.nullable() ? var + "_null" : "false", c.type(),
                c.type() == SqlType.VARCHAR ? var + "_code" : null));
        }
        return columns;
    }

    private static List<Map<String, Object>> outputModel(final Schema output) {
        final List<Map<String, Object>> out = new ArrayList<>();
        for (final Column c : output.columns()) {
            final Map<String, Object> m = new HashMap<>();
            m.put("nameLiteral", JavaType.stringLiteral(c.name()));
            m.put("type", c.type().name());
            m.put("nullable", c.nullable());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> resultsModel(final Schema output, final List<ExprCodegen.Expr> values) {
        final List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            final ExprCodegen.Expr v = values.get(i);
            final SqlType type = output.column(i).type();
            final Map<String, Object> m = new HashMap<>();
            m.put("index", i);
            m.put("setter", JavaType.rowSetter(type));
            m.put("value", ExprCodegen.convert(v, type));
            m.put("isNull", v.isNull());
            m.put("nullable", v.nullable());
            out.add(m);
        }
        return out;
    }

    /**
     * Marks each VARCHAR column whose string the generated code reads ({@code decode}): the others
     * are used by dictionary code only (keys, equality), and the row loop skips the dictionary lookup.
     */
    @SuppressWarnings("unchecked")
    private static void markDecodedStrings(final Map<String, Object> model) {
        final StringBuilder code = new StringBuilder();
        collectStrings(model, code, true);
        // names in string literals (an output column called like an input column) are not reads
        final String reads = code.toString().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        for (final Map<String, Object> c : (List<Map<String, Object>>) model.get("columns")) {
            final String var = (String) c.get("var");
            c.put("decode", !Boolean.TRUE.equals(c.get("varchar"))
                || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(var) + "\\b(?!_)").matcher(reads).find());
        }
    }

    private static void collectStrings(final Object value, final StringBuilder out, final boolean top) {
        if (value instanceof String text) {
            out.append(text).append('\n');
        } else if (value instanceof Map<?, ?> map) {
            for (final Map.Entry<?, ?> e : map.entrySet()) {
                // a "var" is a column's name that templates only use with a suffix (k_seg, k_v)
                if (!(top && ("columns".equals(e.getKey()) || "queryLines".equals(e.getKey())))
                    && !"var".equals(e.getKey())) {
                    collectStrings(e.getValue(), out, false);
                }
            }
        } else if (value instanceof Iterable<?> list) {
            for (final Object o : list) {
                collectStrings(o, out, false);
            }
        }
    }

    private static GeneratedKernel render(final KernelSpec spec, final Map<String, Object> model, final String sql) {
        markDecodedStrings(model);
        // deterministic per query: the same SQL over the same schema gives the same class name
        // (the final-table option changes the kernel, not the SQL: it is part of the name)
        final boolean finalTable = spec.shape() == KernelSpec.Shape.GROUP_AGGREGATE && !spec.changelog();
        final String className = spec.shape().template() + "_"
            + digest(sql + "\n" + spec.table().schema() + (finalTable ? "\nfinal table" : ""));
        model.put("className", className);
        try {
            final Template template = FREEMARKER.getTemplate(spec.shape().template() + ".java.ftl");
            final StringWriter out = new StringWriter();
            template.process(model, out);
            return new GeneratedKernel(className, out.toString());
        } catch (final IOException | TemplateException e) {
            throw new IllegalStateException("kernel template " + spec.shape().template() + " failed: " + e.getMessage(), e);
        }
    }

    private static String digest(final String text) {
        try {
            final byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
