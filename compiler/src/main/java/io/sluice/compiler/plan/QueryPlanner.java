package io.sluice.compiler.plan;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.parser.SluiceSqlParser;
import io.sluice.compiler.parser.SqlCreateTable;
import io.sluice.compiler.parser.SqlEmit;
import io.sluice.compiler.parser.SqlTableColumn;
import io.sluice.compiler.parser.SqlTableOption;
import io.sluice.compiler.parser.SqlWatermark;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.sql.SqlBasicCall;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * SQL text to a validated, planned query: parse (Sluice's generated parser), turn {@code CREATE
 * TABLE}s into table definitions, check the query stays within what Sluice supports, validate it
 * with Calcite, convert it to relational algebra and merge filters and projections into Calc nodes.
 * Every failure is a {@link CompileException} with the position of the offending token.
 */
public final class QueryPlanner {
    private static final Set<String> KNOWN_OPTIONS = Set.of("format", "path", LateOptions.POLICY,
        LateOptions.ALLOWED_LATENESS,
        // Velostream's names, mapped by VelostreamSyntax.tableOptions
        VelostreamSyntax.EVENT_TIME_FIELD, VelostreamSyntax.WATERMARK_STRATEGY,
        VelostreamSyntax.MAX_OUT_OF_ORDERNESS, VelostreamSyntax.LATE_DATA_STRATEGY);

    // What every compile shares: immutable Calcite configuration, built once per JVM.

    /** Case-insensitive name matching in the catalog. */
    private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

    private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
        .withConformance(SluiceSqlParser.config().conformance())
        .withIdentifierExpansion(true)
        // no implicit casts: comparing VARCHAR with a number is a type error, not a runtime cast
        .withTypeCoercionEnabled(false);

    private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
        .withTrimUnusedFields(false).withExpand(false)
        .withInSubQueryThreshold(Integer.MAX_VALUE)
        .withRelBuilderFactory(SluiceRelBuilder::new);

    /** The planner SqlToRelConverter's cluster belongs to: no rules, it only carries the executor. */
    private static final HepProgram NO_RULES = new HepProgramBuilder().build();

    /**
     * Filters and projections into Calc nodes, merged. The four rules are built from their configs
     * rather than taken from {@code CoreRules}: initializing CoreRules builds all of Calcite's ~150
     * core rules and loads ~900 classes, a large part of the first compile in a JVM. A HepProgram
     * keeps no state of its own (each planner prepares its own), so one instance serves every compile.
     */
    private static final HepProgram CALC_PROGRAM = new HepProgramBuilder()
        .addRuleInstance(FilterToCalcRule.Config.DEFAULT.toRule())
        .addRuleInstance(ProjectToCalcRule.Config.DEFAULT.toRule())
        .addRuleInstance(CalcMergeRule.Config.DEFAULT.toRule())
        .addRuleInstance(CalcRemoveRule.Config.DEFAULT.toRule())
        .build();

    private QueryPlanner() {
    }

    private static CalciteConnectionConfig connectionConfig() {
        final Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        return new CalciteConnectionConfigImpl(properties);
    }

    /** Plans the single query of {@code sql}, a script of CREATE TABLE statements and one query. */
    public static PlannedQuery plan(final String sql) throws CompileException {
        final List<SqlNode> statements;
        try {
            statements = SluiceSqlParser.parseScript(sql);
        } catch (final SqlParseException e) {
            final SqlParserPos pos = e.getPos();
            throw new CompileException(pos == null ? 1 : pos.getLineNum(), pos == null ? 1 : pos.getColumnNum(),
                SluiceSqlParser.describe(e));
        }
        final Map<String, TableDefinition> tables = new LinkedHashMap<>();
        SqlNode query = null;
        for (final SqlNode statement : statements) {
            if (statement instanceof SqlCreateTable create) {
                final TableDefinition table = defineTable(create);
                final String key = table.name().toLowerCase(Locale.ROOT);
                if (tables.containsKey(key)) {
                    throw error(create.name().getParserPosition(), "table '" + table.name() + "' is declared twice");
                }
                tables.put(key, table);
            } else if (query == null) {
                query = statement;
            } else {
                throw error(statement.getParserPosition(),
                    "a query file holds one query; this is a second one (split it into two files)");
            }
        }
        if (query == null) {
            throw new CompileException(1, 1, "no query: the file declares tables but has no SELECT");
        }
        PlannedQuery.EmitMode emit = null;
        SqlParserPos emitPos = SqlParserPos.ZERO;
        if (query instanceof SqlEmit e) {
            emit = PlannedQuery.EmitMode.valueOf(e.mode().name());
            emitPos = e.emitPosition();
            query = e.query();
        }
        final SqlParserPos queryPos = query.getParserPosition();
        try {
            query = VelostreamSyntax.rewrite(query, tables);
            WindowTableFunctions.rewriteSessionPartitionBy(query);
            SupportedSql.check(query);
            checkWindowTimeColumn(query, tables);
            query = query.accept(new DecimalLiteralsAsDouble());
            return validateAndConvert(query, tables, emit, emitPos, queryPos);
        } catch (final StackOverflowError e) {
            throw tooDeep(queryPos);
        } catch (final AssertionError e) {
            // Calcite checks its own invariants with Litmus.THROW (an AssertionError even without -ea),
            // e.g. "Comparison with NULL in pulledUpPredicates" while simplifying CASE over constants
            throw new CompileException(queryPos.getLineNum(), queryPos.getColumnNum(),
                "the query planner (Calcite) failed on this query: " + oneLine(String.valueOf(e.getMessage()))
                    + " (a Sluice or Calcite bug: please report it; rewriting constant expressions may avoid it)");
        } catch (final RuntimeException e) {
            // Calcite's converter wraps what fails under it ("while converting ...")
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StackOverflowError) {
                    throw tooDeep(queryPos);
                }
            }
            throw e;
        }
    }

    /** Calcite validates and converts expressions recursively: a very long chain of operators exhausts the stack. */
    private static CompileException tooDeep(final SqlParserPos queryPos) {
        return new CompileException(queryPos.getLineNum(), queryPos.getColumnNum(), SluiceSqlParser.TOO_DEEP);
    }

    private static PlannedQuery validateAndConvert(final SqlNode query, final Map<String, TableDefinition> tables,
                                                   final PlannedQuery.EmitMode emit, final SqlParserPos emitPos,
                                                   final SqlParserPos queryPos)
        throws CompileException {
        final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE) {
            // Calcite's default, ISO-8859-1, cannot hold a literal like 'é中' and fails while converting
            @Override
            public Charset getDefaultCharset() {
                return StandardCharsets.UTF_8;
            }
        };
        final CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        for (final TableDefinition t : tables.values()) {
            root.add(t.name(), new SluiceTable(t));
        }
        final CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of(), typeFactory, CONNECTION_CONFIG);
        final SqlValidator validator = SqlValidatorUtil.newValidator(WindowTableFunctions.operatorTable(), catalog,
            typeFactory, VALIDATOR_CONFIG);
        final SqlNode validated;
        try {
            validated = validator.validate(query);
        } catch (final CalciteContextException e) {
            throw new CompileException(e.getPosLine(), e.getPosColumn(), validationMessage(e));
        } catch (final RuntimeException e) {
            throw new CompileException(queryPos.getLineNum(), queryPos.getColumnNum(),
                "query cannot be validated: " + oneLine(e.getMessage()));
        }
        SupportedSql.checkFunctions(validated, validator);

        final HepPlanner conversionPlanner = new HepPlanner(NO_RULES);
        conversionPlanner.setExecutor(SluiceRexBuilder.EXECUTOR);
        final RelOptCluster cluster = RelOptCluster.create(conversionPlanner, new SluiceRexBuilder(typeFactory));
        final SqlToRelConverter converter = new SqlToRelConverter((type, sql, schemaPath, viewPath) -> null,
            validator, catalog, cluster, StandardConvertletTable.INSTANCE, CONVERTER_CONFIG);
        final RelRoot relRoot = converter.convertQuery(validated, false, true);
        final RelNode logical = relRoot.project();
        final TableDefinition table = tableOf(logical, tables, queryPos);

        final HepPlanner hep = new HepPlanner(CALC_PROGRAM);
        hep.setRoot(normalized(logical, cluster.getRexBuilder()));
        final RelNode calcs = hep.findBestExp();
        final List<String> names = new ArrayList<>(relRoot.validatedRowType.getFieldNames());
        return new PlannedQuery(table, calcs, logical, names, emit, emitPos.getLineNum(), emitPos.getColumnNum(),
            queryPos.getLineNum(), queryPos.getColumnNum());
    }

    /**
     * Filters and projections with their expressions normalized as Calcite normalizes a Calc's
     * program. A Calc asserts that its program is normalized, so without this a condition such as
     * {@code CASE WHEN TRUE THEN TRUE ELSE TRUE END} fails with an AssertionError ("Program is not
     * normalized") when assertions are enabled; merged Calcs are normalized anyway.
     */
    private static RelNode normalized(final RelNode root, final RexBuilder rexBuilder) {
        return root.accept(new RelShuttleImpl() {
            /** AND and OR flattened at every level (Calcite's Filter asserts it). */
            private RexNode flat(final RexNode e) {
                return e.accept(new RexShuttle() {
                    @Override
                    public RexNode visitCall(final RexCall call) {
                        return RexUtil.flatten(rexBuilder, super.visitCall(call));
                    }
                });
            }

            @Override
            public RelNode visit(final LogicalFilter filter) {
                final LogicalFilter f = (LogicalFilter) super.visit(filter);
                final RexProgramBuilder builder = new RexProgramBuilder(f.getInput().getRowType(), rexBuilder);
                builder.addIdentity();
                builder.addCondition(f.getCondition());
                final RexProgram program = builder.getProgram().normalize(rexBuilder, null);
                return f.copy(f.getTraitSet(), f.getInput(), flat(program.expandLocalRef(program.getCondition())));
            }

            @Override
            public RelNode visit(final LogicalProject project) {
                final LogicalProject p = (LogicalProject) super.visit(project);
                final RexProgram program = RexProgram.create(p.getInput().getRowType(), p.getProjects(), null,
                    p.getRowType(), rexBuilder).normalize(rexBuilder, null);
                final List<RexNode> projects = new ArrayList<>();
                for (final RexNode e : program.expandList(program.getProjectList())) {
                    projects.add(flat(e));
                }
                return p.copy(p.getTraitSet(), p.getInput(), projects, p.getRowType());
            }
        });
    }

    /** The single table the plan scans. */
    private static TableDefinition tableOf(final RelNode rel, final Map<String, TableDefinition> tables,
                                           final SqlParserPos queryPos) throws CompileException {
        if (rel instanceof TableScan scan) {
            final List<String> name = scan.getTable().getQualifiedName();
            return tables.get(name.get(name.size() - 1).toLowerCase(Locale.ROOT));
        }
        for (final RelNode input : rel.getInputs()) {
            final TableDefinition t = tableOf(input, tables, null);
            if (t != null) {
                return t;
            }
        }
        if (queryPos != null) {
            throw new CompileException(queryPos.getLineNum(), queryPos.getColumnNum(), "the query reads no declared table");
        }
        return null;
    }

    private static String validationMessage(final CalciteContextException e) {
        final Throwable cause = e.getCause();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        message = oneLine(message);
        return ValidationMessages.rewrite(message);
    }

    static String oneLine(final String s) {
        if (s == null) {
            return "unknown error";
        }
        final int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * A window is assigned from event time: the (first) DESCRIPTOR column of TUMBLE, HOP, CUMULATE or
     * SESSION must be the column the table
     * declares its WATERMARK on, or windows could never fire before end of input.
     */
    private static void checkWindowTimeColumn(final SqlNode query, final Map<String, TableDefinition> tables)
        throws CompileException {
        if (!(query instanceof SqlSelect select) || select.getFrom() == null) {
            return;
        }
        SqlNode from = select.getFrom();
        if (from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        if (from.getKind() != SqlKind.COLLECTION_TABLE
            || !(((SqlCall) from).operand(0) instanceof SqlCall tumble)) {
            return;
        }
        TableDefinition table = null;
        SqlIdentifier timeColumn = null;
        for (SqlNode operand : tumble.getOperandList()) {
            if (operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                operand = ((SqlCall) operand).operand(0);
            }
            if (operand == null) {
                continue;
            }
            if (operand.getKind() == SqlKind.EXPLICIT_TABLE
                && ((SqlCall) operand).operand(0) instanceof SqlIdentifier id) {
                table = tables.get(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
            } else if (timeColumn == null && operand instanceof SqlCall call
                && call.getOperator().getName().equalsIgnoreCase("DESCRIPTOR") && call.operandCount() == 1
                && call.operand(0) instanceof SqlIdentifier id) {
                timeColumn = id;
            }
        }
        if (table == null || timeColumn == null) {
            return; // the validator reports the unknown table or the malformed call
        }
        final String name = timeColumn.names.get(timeColumn.names.size() - 1);
        final int column = table.schema().indexOf(name);
        if (column < 0) {
            return; // the validator reports the unknown column
        }
        if (column != table.eventTimeColumn()) {
            throw error(timeColumn.getParserPosition(), tumble.getOperator().getName().toUpperCase(Locale.ROOT)
                + " needs an event-time column: '" + name
                + "' has no WATERMARK (declare WATERMARK FOR " + name + " AS " + name
                + " - INTERVAL '...' SECOND in table '" + table.name() + "')");
        }
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private static TableDefinition defineTable(final SqlCreateTable create) throws CompileException {
        final String name = create.name().getSimple();
        final List<Column> columns = new ArrayList<>();
        final Schema probe;
        for (final SqlTableColumn c : create.columns()) {
            final String columnName = c.simpleName();
            for (final Column existing : columns) {
                if (existing.name().equalsIgnoreCase(columnName)) {
                    throw error(c.name().getParserPosition(), "column '" + columnName + "' is declared twice");
                }
            }
            columns.add(new Column(columnName, typeOf(c.type()), c.nullable()));
        }
        probe = new Schema(columns);
        int eventTime = -1;
        long delay = 0;
        if (create.watermark().isPresent()) {
            final SqlWatermark w = create.watermark().get();
            final String column = w.column().getSimple();
            eventTime = probe.indexOf(column);
            if (eventTime < 0) {
                throw error(w.column().getParserPosition(), "WATERMARK FOR names unknown column '" + column + "'");
            }
            if (probe.column(eventTime).type() != SqlType.TIMESTAMP) {
                throw error(w.column().getParserPosition(), "WATERMARK column '" + column
                    + "' must be TIMESTAMP(3), not " + probe.column(eventTime).type().sqlName());
            }
            delay = watermarkDelay(w, probe.column(eventTime).name());
        }
        final Map<String, String> options = new LinkedHashMap<>();
        SqlParserPos pathPos = create.name().getParserPosition();
        SqlParserPos latePos = null;
        for (final SqlTableOption o : create.optionList()) {
            if (o.key().toLowerCase(Locale.ROOT).startsWith("late.") && latePos == null) {
                latePos = o.position();
            }
            if (o.key().equalsIgnoreCase("path")) {
                pathPos = o.valueNode().getParserPosition();
            }
            final String key = o.key().toLowerCase(Locale.ROOT);
            if (!KNOWN_OPTIONS.contains(key)) {
                throw error(o.position(), "unknown table option '" + o.key() + "' (known: 'format', 'path', "
                    + "'late.policy', 'late.allowed-lateness', 'event.time.field', 'watermark.strategy', "
                    + "'watermark.max_out_of_orderness', 'late.data.strategy')");
            }
            if (options.containsKey(key)) {
                throw error(o.position(), "table option '" + o.key() + "' is given twice");
            }
            options.put(key, o.value());
        }
        final VelostreamSyntax.EventTime velostreamTime = VelostreamSyntax.tableOptions(create, probe, options);
        if (velostreamTime != null) {
            eventTime = velostreamTime.column();
            delay = velostreamTime.delayMillis();
        }
        if (latePos != null) {
            final String problem = LateOptions.problem(options);
            if (problem != null) {
                throw error(latePos, problem);
            }
            if (eventTime < 0) {
                throw error(latePos, "late-data options need a WATERMARK (rows are late by event time)");
            }
        }
        final String format = options.getOrDefault("format", "csv");
        if (!format.equalsIgnoreCase("csv")) {
            throw error(create.getParserPosition(), "format '" + format + "' is not supported (only 'csv')");
        }
        final SqlParserPos pos = create.name().getParserPosition();
        return new TableDefinition(name, probe, eventTime, delay, options, pos.getLineNum(), pos.getColumnNum(),
            pathPos.getLineNum(), pathPos.getColumnNum());
    }

    private static SqlType typeOf(final SqlDataTypeSpec spec) throws CompileException {
        final String type = spec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "BIGINT" -> SqlType.BIGINT;
            case "INT", "INTEGER" -> SqlType.INT;
            case "DOUBLE", "FLOAT" -> SqlType.DOUBLE;
            case "BOOLEAN" -> SqlType.BOOLEAN;
            case "VARCHAR", "CHAR", "STRING" -> SqlType.VARCHAR;
            case "TIMESTAMP" -> {
                final SqlTypeNameSpec ts = spec.getTypeNameSpec();
                if (ts instanceof SqlBasicTypeNameSpec b && b.getPrecision() >= 0
                    && b.getPrecision() != 3) {
                    throw error(spec.getParserPosition(), "TIMESTAMP(" + b.getPrecision()
                        + ") is not supported: timestamps are TIMESTAMP(3) (milliseconds)");
                }
                yield SqlType.TIMESTAMP;
            }
            default -> throw error(spec.getParserPosition(), "type " + type
                + " is not supported (supported: BIGINT, INT, DOUBLE, BOOLEAN, VARCHAR, TIMESTAMP(3))");
        };
    }

    /** The delay of {@code WATERMARK FOR ts AS ts - INTERVAL 'n' unit} (or {@code AS ts}: no delay). */
    private static long watermarkDelay(final SqlWatermark w, final String column) throws CompileException {
        final SqlNode e = w.expression();
        if (e instanceof SqlIdentifier id && id.getSimple().equalsIgnoreCase(column)) {
            return 0;
        }
        if (e instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS && call.operandCount() == 2
            && call.operand(0) instanceof SqlIdentifier id
            && id.getSimple().equalsIgnoreCase(column)
            && call.operand(1) instanceof SqlIntervalLiteral interval) {
            final SqlIntervalLiteral.IntervalValue value = interval.getValueAs(SqlIntervalLiteral.IntervalValue.class);
            final long millis;
            try {
                millis = SqlParserUtil.intervalToMillis(value);
            } catch (final RuntimeException bad) {
                // Calcite checks the interval's text only when it is evaluated
                throw error(interval.getParserPosition(), "watermark delay " + interval
                    + " is not a valid interval (e.g. INTERVAL '5' SECOND)");
            }
            if (millis < 0) {
                throw error(interval.getParserPosition(), "watermark delay must not be negative");
            }
            return millis;
        }
        throw error(e.getParserPosition(), "WATERMARK expression must be '" + column + " - INTERVAL ...' or '"
            + column + "'");
    }

    static CompileException error(final SqlParserPos pos, final String message) {
        return new CompileException(pos.getLineNum(), pos.getColumnNum(), message);
    }
}
