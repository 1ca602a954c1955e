package io.sluice.compiler.plan;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.parser.SqlCreateTable;
import io.sluice.compiler.parser.SqlTableOption;
import io.sluice.compiler.parser.SqlVelostreamWindow;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Velostream's dialect, where its meaning is Sluice's: the {@code WINDOW TUMBLING|SLIDING|SESSION}
 * clause of a SELECT (parsed into an {@link SqlVelostreamWindow}) and the event-time and late-data
 * properties of a {@code WITH (...)} list.
 *
 * <p>The clause is rewritten into exactly the window-table-function query one would write for
 * Sluice, so both forms validate and plan alike:
 *
 * <pre>
 * FROM t [alias] ... GROUP BY k ... WINDOW TUMBLING(5m)
 *   -> FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) [AS alias] ...
 *      GROUP BY k, window_start, window_end
 * WINDOW SLIDING(10m, 5m)  -> HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)
 * WINDOW SESSION(30m)      -> SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), INTERVAL '30' MINUTE)
 * </pre>
 *
 * <p>{@code ts} is the table's event-time column (its WATERMARK column, or Velostream's {@code
 * 'event.time.field'}); a column named in the clause must be that one. SLIDING's (size, advance)
 * become HOP's (slide = advance, size); SESSION's key is the column named in the clause, else the
 * GROUP BY columns. Every error is reported at the token it is about.
 */
final class VelostreamSyntax {
    /** Velostream's event-time column property. */
    static final String EVENT_TIME_FIELD = "event.time.field";
    /** Velostream's watermark strategy property. */
    static final String WATERMARK_STRATEGY = "watermark.strategy";
    /** Velostream's watermark delay property. */
    static final String MAX_OUT_OF_ORDERNESS = "watermark.max_out_of_orderness";
    /** Velostream's late-data property, mapped onto {@link #LATE_POLICY}. */
    static final String LATE_DATA_STRATEGY = "late.data.strategy";
    /** Sluice's late-data option key, where a mapped {@link #LATE_DATA_STRATEGY} is stored. */
    static final String LATE_POLICY = "late.policy";

    /** A Velostream duration in a property value: digits and an optional unit ({@code 30s}). */
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([^\\s\\d]*)\\s*");

    private VelostreamSyntax() {
    }

    /** A table's event-time column and watermark delay, from Velostream's properties. */
    record EventTime(int column, long delayMillis) {
    }

    // ------------------------------------------------------------------ WINDOW clause

    /**
     * The query with its Velostream WINDOW clause, if any, rewritten into the window-table-function
     * form (see the class comment); any other query is returned as it is. Only the top SELECT is
     * rewritten: a clause inside a subquery stays for {@link SupportedSql} to reject the subquery.
     */
    static SqlNode rewrite(final SqlNode query, final Map<String, TableDefinition> tables) throws CompileException {
        if (query instanceof SqlSelect select && select.getWindowList() != null) {
            rewriteSelect(select, tables);
        }
        return query;
    }

    private static void rewriteSelect(final SqlSelect select, final Map<String, TableDefinition> tables)
        throws CompileException {
        final List<SqlVelostreamWindow> windows = new ArrayList<>();
        for (final SqlNode w : select.getWindowList()) {
            if (w instanceof SqlVelostreamWindow v) {
                windows.add(v);
            }
        }
        if (windows.isEmpty()) {
            return;
        }
        if (windows.size() > 1) {
            throw QueryPlanner.error(windows.get(1).position(), "a query has one WINDOW clause; this is a second one");
        }
        final SqlVelostreamWindow window = windows.get(0);
        final String clause = "WINDOW " + window.kind();
        final SqlParserPos pos = window.position();
        final SqlNodeList groupBy = select.getGroup();
        if (groupBy == null || groupBy.isEmpty()) {
            throw QueryPlanner.error(pos, clause + " needs a GROUP BY before it: the window splits each group's "
                + "aggregate by time (GROUP BY k " + clause + "(...))");
        }
        for (final SqlNode g : groupBy) {
            if (g.getKind() == SqlKind.GROUP_BY_DISTINCT) {
                throw QueryPlanner.error(groupBy.getParserPosition(), "GROUP BY DISTINCT is not supported with "
                    + clause);
            }
        }

        final SqlNode from = select.getFrom();
        final SqlCall alias = from != null && from.getKind() == SqlKind.AS ? (SqlCall) from : null;
        final SqlNode source = alias != null ? alias.operand(0) : from;
        if (!(source instanceof SqlIdentifier tableName)) {
            final SqlParserPos at = from == null ? pos : from.getParserPosition();
            throw QueryPlanner.error(at, clause + " reads one declared table: FROM must name it "
                + "(not a join, a subquery or TABLE(...))");
        }
        final String simpleName = tableName.names.get(tableName.names.size() - 1);
        final TableDefinition table = tables.get(simpleName.toLowerCase(Locale.ROOT));
        if (table == null) {
            throw QueryPlanner.error(tableName.getParserPosition(), "table '" + simpleName
                + "' not found (declare it with CREATE TABLE)");
        }
        final SqlIdentifier timeColumn = timeColumn(window, clause, table, tableName, alias);

        final SqlNode tableArgument = SqlStdOperatorTable.EXPLICIT_TABLE.createCall(
            tableName.getParserPosition(), tableName);
        final SqlNode descriptor = SqlStdOperatorTable.DESCRIPTOR.createCall(timeColumn.getParserPosition(),
            timeColumn);
        final String function;
        final List<SqlNode> operands = new ArrayList<>(List.of(tableArgument, descriptor));
        switch (window.kind()) {
            case TUMBLING -> {
                function = "TUMBLE";
                operands.add(window.size());
            }
            case SLIDING -> {
                function = "HOP";
                operands.add(window.advance());
                operands.add(window.size());
            }
            case SESSION -> {
                function = "SESSION";
                final List<SqlNode> keys = sessionKeys(window, groupBy, table);
                operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(SqlParserPos.sum(keys), keys));
                operands.add(window.size());
            }
            default -> throw new IllegalStateException(window.kind().name());
        }
        // As the parser builds TABLE(f(...)): an unresolved table function that the validator resolves.
        // Both calls are placed at the WINDOW clause (createCall would widen them over their operands,
        // from the table name on), so that a message about the window points at the clause.
        final SqlCall call = new SqlBasicCall(new SqlUnresolvedFunction(new SqlIdentifier(function, pos), null, null,
            null, null, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION), operands, pos);
        final SqlNode windowed = new SqlBasicCall(SqlStdOperatorTable.COLLECTION_TABLE, List.of(call), pos);
        if (alias != null) {
            final List<SqlNode> aliasOperands = new ArrayList<>(alias.getOperandList());
            aliasOperands.set(0, windowed);
            select.setFrom(SqlStdOperatorTable.AS.createCall(alias.getParserPosition(), aliasOperands));
        } else {
            select.setFrom(windowed);
        }

        final List<SqlNode> groups = new ArrayList<>(groupBy.getList());
        for (final String bound : new String[] {"window_start", "window_end"}) {
            if (groups.stream().noneMatch(g -> isColumn(g, bound))) {
                groups.add(new SqlIdentifier(bound, pos));
            }
        }
        select.setGroupBy(new SqlNodeList(groups, groupBy.getParserPosition()));
        // SqlSelect has no setter for its WINDOW list; the parser made it (SqlVelostreamWindow.prependTo), mutable.
        select.getWindowList().getList().removeIf(w -> w instanceof SqlVelostreamWindow);
    }

    /** The DESCRIPTOR column: the column named in the clause, which must be the table's event time. */
    private static SqlIdentifier timeColumn(final SqlVelostreamWindow window, final String clause,
                                            final TableDefinition table, final SqlIdentifier tableName,
                                            final SqlCall alias) throws CompileException {
        final SqlIdentifier written = window.timeColumn();
        if (written == null) {
            if (!table.hasWatermark()) {
                throw QueryPlanner.error(window.position(), clause + " needs an event-time column: table '"
                    + table.name() + "' has none (declare WATERMARK FOR ts AS ts - INTERVAL '...' SECOND, "
                    + "or WITH ('" + EVENT_TIME_FIELD + "' = 'ts'))");
            }
            final String name = table.schema().column(table.eventTimeColumn()).name();
            return new SqlIdentifier(name, window.position());
        }
        final List<String> names = written.names;
        final String name = names.get(names.size() - 1);
        final boolean qualifierOk = names.size() == 1
            || names.size() == 2 && (names.get(0).equalsIgnoreCase(tableName.names.get(tableName.names.size() - 1))
                || alias != null && alias.operand(1) instanceof SqlIdentifier a
                   && names.get(0).equalsIgnoreCase(a.getSimple()));
        final int column = table.schema().indexOf(name);
        if (!qualifierOk || column < 0) {
            throw QueryPlanner.error(written.getParserPosition(), "column '" + written + "' not found in table '"
                + table.name() + "'");
        }
        if (column != table.eventTimeColumn()) {
            throw QueryPlanner.error(written.getParserPosition(), clause + " needs an event-time column: '" + name
                + "' has no WATERMARK (declare WATERMARK FOR " + name + " AS " + name
                + " - INTERVAL '...' SECOND in table '" + table.name() + "', or WITH ('" + EVENT_TIME_FIELD
                + "' = '" + name + "'))");
        }
        return new SqlIdentifier(name, written.getParserPosition());
    }

    /** SESSION's keys: the column named in the clause, else the GROUP BY columns (bar the window bounds). */
    private static List<SqlNode> sessionKeys(final SqlVelostreamWindow window, final SqlNodeList groupBy,
                                             final TableDefinition table) throws CompileException {
        final List<SqlNode> keys = new ArrayList<>();
        if (window.key() != null) {
            keys.add(keyColumn(window.key(), table));
            return keys;
        }
        for (final SqlNode g : groupBy) {
            if (isColumn(g, "window_start") || isColumn(g, "window_end")) {
                continue;
            }
            if (!(g instanceof SqlIdentifier id)) {
                throw QueryPlanner.error(g.getParserPosition(), "WINDOW SESSION keeps one session per key column: "
                    + "GROUP BY it by columns, not expressions");
            }
            keys.add(keyColumn(id, table));
        }
        if (keys.isEmpty()) {
            throw QueryPlanner.error(window.position(), "WINDOW SESSION needs a key: GROUP BY at least one column "
                + "(sessions are kept per key)");
        }
        return keys;
    }

    private static SqlIdentifier keyColumn(final SqlIdentifier id, final TableDefinition table)
        throws CompileException {
        final String name = id.names.get(id.names.size() - 1);
        if (table.schema().indexOf(name) < 0) {
            throw QueryPlanner.error(id.getParserPosition(), "column '" + id + "' not found in table '"
                + table.name() + "'");
        }
        return new SqlIdentifier(name, id.getParserPosition());
    }

    private static boolean isColumn(final SqlNode node, final String name) {
        return node instanceof SqlIdentifier id && id.names.get(id.names.size() - 1).equalsIgnoreCase(name);
    }

    // ------------------------------------------------------------------ WITH properties

    /**
     * Maps Velostream's properties of a CREATE TABLE's {@code WITH} list onto Sluice's meaning:
     *
     * <ul>
     *   <li>{@code 'event.time.field' = 'ts'}: the event-time column, as {@code WATERMARK FOR ts} declares
     *       it (a TIMESTAMP column; not together with a WATERMARK clause);</li>
     *   <li>{@code 'watermark.strategy'}: {@code 'bounded_out_of_orderness'} (the default) with
     *       {@code 'watermark.max_out_of_orderness' = '30s'}, the watermark delay; {@code 'ascending'} (or
     *       {@code 'ascending_timestamps'}), no delay. Without either property the delay is 0. Other
     *       strategies ({@code 'punctuated'}, {@code 'custom'}) have no Sluice meaning and are errors;</li>
     *   <li>{@code 'late.data.strategy'}: stored in {@code options} under {@link #LATE_POLICY} as the late
     *       policy of the runtime ({@link LatePolicy.Kind}, lower case): {@code 'drop'} is {@code drop},
     *       {@code 'dead_letter'} is {@code side_output}, {@code 'include_in_next'} (or
     *       {@code 'include_in_next_window'}) is {@code next_window}. {@code 'update_previous'} is an
     *       error: Sluice updates fired windows only within a stated allowed lateness.</li>
     * </ul>
     *
     * @param create  the statement, for the options' positions
     * @param schema  the table's columns
     * @param options the table's options as read (keys lower-cased); receives {@link #LATE_POLICY}
     * @return the event time the properties declare, or null when they declare none
     */
    static EventTime tableOptions(final SqlCreateTable create, final Schema schema,
                                  final Map<String, String> options) throws CompileException {
        final SqlTableOption field = option(create, EVENT_TIME_FIELD);
        final SqlTableOption strategy = option(create, WATERMARK_STRATEGY);
        final SqlTableOption delay = option(create, MAX_OUT_OF_ORDERNESS);
        final SqlTableOption late = option(create, LATE_DATA_STRATEGY);
        if (late != null) {
            if (options.containsKey(LATE_POLICY)) {
                throw QueryPlanner.error(late.position(), "'" + LATE_DATA_STRATEGY + "' and '" + LATE_POLICY
                    + "' both set the late-data policy: keep one");
            }
            options.put(LATE_POLICY, latePolicy(late));
        }
        final SqlTableOption first = field != null ? field : strategy != null ? strategy : delay;
        if (first == null) {
            return null;
        }
        if (create.watermark().isPresent()) {
            throw QueryPlanner.error(first.position(), "'" + first.key() + "' declares the event time a second "
                + "time: the table has a WATERMARK clause (keep one of the two)");
        }
        if (field == null) {
            throw QueryPlanner.error(first.position(), "'" + first.key() + "' needs the event-time column: add '"
                + EVENT_TIME_FIELD + "' = '<column>'");
        }
        final int column = schema.indexOf(field.value());
        if (column < 0) {
            throw QueryPlanner.error(field.valueNode().getParserPosition(), "'" + EVENT_TIME_FIELD
                + "' names unknown column '" + field.value() + "'");
        }
        if (schema.column(column).type() != SqlType.TIMESTAMP) {
            throw QueryPlanner.error(field.valueNode().getParserPosition(), "event-time column '" + field.value()
                + "' must be TIMESTAMP(3), not " + schema.column(column).type().sqlName());
        }
        final String kind = strategy == null ? "bounded_out_of_orderness" : strategy.value().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "bounded_out_of_orderness" -> {
                if (delay == null && strategy != null) {
                    throw QueryPlanner.error(strategy.position(), "'" + WATERMARK_STRATEGY
                        + "' = 'bounded_out_of_orderness' needs '" + MAX_OUT_OF_ORDERNESS + "' (e.g. '5s')");
                }
                return new EventTime(column, delay == null ? 0 : durationMillis(delay));
            }
            case "ascending", "ascending_timestamps" -> {
                if (delay != null) {
                    throw QueryPlanner.error(delay.position(), "'" + MAX_OUT_OF_ORDERNESS + "' does not apply to '"
                        + strategy.value() + "' watermarks (they have no delay)");
                }
                return new EventTime(column, 0);
            }
            default -> throw QueryPlanner.error(strategy.valueNode().getParserPosition(), "watermark strategy '"
                + strategy.value() + "' is not supported (supported: 'bounded_out_of_orderness', 'ascending')");
        }
    }

    private static SqlTableOption option(final SqlCreateTable create, final String key) {
        for (final SqlTableOption o : create.optionList()) {
            if (o.key().equalsIgnoreCase(key)) {
                return o;
            }
        }
        return null;
    }

    private static String latePolicy(final SqlTableOption late) throws CompileException {
        final LatePolicy.Kind kind = switch (late.value().toLowerCase(Locale.ROOT)) {
            case "drop" -> LatePolicy.Kind.DROP;
            case "dead_letter" -> LatePolicy.Kind.SIDE_OUTPUT;
            case "include_in_next", "include_in_next_window" -> LatePolicy.Kind.NEXT_WINDOW;
            case "update_previous", "update_previous_window" -> throw QueryPlanner.error(
                late.valueNode().getParserPosition(), "late data strategy '" + late.value() + "' is not supported: "
                    + "Sluice updates a fired window only within a stated allowed lateness, which Velostream's "
                    + "strategy does not give");
            default -> throw QueryPlanner.error(late.valueNode().getParserPosition(), "late data strategy '"
                + late.value() + "' is not supported (supported: 'drop', 'dead_letter', 'include_in_next_window')");
        };
        return LateOptions.name(kind);
    }

    /** Milliseconds of a property's Velostream duration ({@code '30s'}), with the window clause's units. */
    private static long durationMillis(final SqlTableOption option) throws CompileException {
        final SqlParserPos pos = option.valueNode().getParserPosition();
        final Matcher m = DURATION.matcher(option.value());
        if (!m.matches()) {
            throw QueryPlanner.error(pos, "'" + option.key() + "' must be a duration such as '500ms', '30s' or '1m', "
                + "not '" + option.value() + "'");
        }
        final SqlIdentifier unit = m.group(2).isEmpty() ? null : new SqlIdentifier(m.group(2), pos);
        try {
            final SqlIntervalLiteral interval = SqlVelostreamWindow.duration(m.group(1), pos, unit);
            return SqlParserUtil.intervalToMillis(interval.getValueAs(SqlIntervalLiteral.IntervalValue.class));
        } catch (final CalciteContextException e) {
            // The context exception's own message is the position; its cause says what is wrong.
            final Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw QueryPlanner.error(pos, "'" + option.key() + "': " + QueryPlanner.oneLine(cause.getMessage()));
        }
    }
}
