<#--
  Sluice's additions to Calcite's parser (included into Parser.jj by FMPP; see config.fmpp).
-->

/**
 * Parses a query followed by an optional {@code EMIT CHANGES} or {@code EMIT FINAL}.
 * Without EMIT the query node itself is returned; with it, an {@link SqlEmit} wrapping it.
 */
SqlNode SqlQueryOrEmit() :
{
    final SqlNode query;
    final Span s;
    final SqlEmit.EmitMode mode;
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    (
        <EMIT> { s = span(); }
        (
            <CHANGES> { mode = SqlEmit.EmitMode.CHANGES; }
        |
            <FINAL> { mode = SqlEmit.EmitMode.FINAL; }
        )
        {
            final SqlParserPos emitPos = s.end(this);
            return new SqlEmit(query.getParserPosition().plus(emitPos), query, mode, emitPos);
        }
    |
        { return query; }
    )
}

/**
 * Parses the rest of
 * {@code CREATE [OR REPLACE] TABLE name (element, ...) [WITH ('key' = 'value', ...)]}
 * after {@code CREATE [OR REPLACE]}; an element is a column
 * ({@code name type [NOT NULL]}) or at most one {@code WATERMARK FOR column AS expression}.
 */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlWatermark> watermarks = new ArrayList<SqlWatermark>();
    SqlNodeList withList = null;
    final Span cs;
}
{
    <TABLE> name = CompoundIdentifier()
    <LPAREN> { cs = span(); }
    TableElement(columns, watermarks)
    (
        <COMMA> TableElement(columns, watermarks)
    )*
    <RPAREN>
    [
        <WITH> withList = ParenthesizedKeyValueOptionCommaList()
    ]
    {
        return new SqlCreateTable(s.end(this), replace, name,
            new SqlNodeList(columns, cs.end(this)),
            watermarks.isEmpty() ? null : watermarks.get(0),
            SqlTableOption.fromKeyValueList(withList));
    }
}

/** Parses one element of a CREATE TABLE element list into one of the two lists. */
void TableElement(List<SqlNode> columns, List<SqlWatermark> watermarks) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final boolean nullable;
    final SqlNode expression;
    final Span s;
}
{
    LOOKAHEAD(2)
    <WATERMARK> { s = span(); } <FOR>
    name = SimpleIdentifier()
    <AS>
    expression = Expression(ExprContext.ACCEPT_NON_QUERY)
    {
        final SqlParserPos pos = s.end(expression);
        if (!watermarks.isEmpty()) {
            throw SqlUtil.newContextException(pos,
                SluiceParserResource.RESOURCE.duplicateWatermark());
        }
        watermarks.add(new SqlWatermark(pos, name, expression));
    }
|
    name = SimpleIdentifier() { s = span(); }
    type = DataType()
    nullable = NullableOptDefaultTrue()
    {
        columns.add(new SqlTableColumn(s.end(this), name, type, nullable));
    }
}

/**
 * Parses Velostream's time-window clause, {@code WINDOW TUMBLING|SLIDING|SESSION (argument, ...)},
 * into an {@link SqlVelostreamWindow} added to {@code windows}. SqlSelect() tries it after GROUP BY
 * and after HAVING (a scripted edit of Calcite's template: see patch/PatchParserTemplate.java),
 * with a lookahead of three tokens, so {@code WINDOW name AS (...)} stays Calcite's named window.
 */
void VelostreamWindowClause(List<SqlNode> windows) :
{
    final Span s;
    final SqlIdentifier name;
    final List<SqlNode> arguments = new ArrayList<SqlNode>();
}
{
    <WINDOW> { s = span(); }
    name = SimpleIdentifier()
    <LPAREN>
    VelostreamWindowArgument(arguments)
    (
        <COMMA> VelostreamWindowArgument(arguments)
    )*
    <RPAREN>
    {
        windows.add(SqlVelostreamWindow.create(s.end(this), name, arguments));
    }
}

/**
 * Parses one argument of a Velostream window: a column ({@code ts}, {@code t.ts}), an interval
 * literal ({@code INTERVAL '5' MINUTE}) or a Velostream duration, a number with an optional unit
 * ({@code 5m}, {@code 500ms}, {@code 30}), which becomes the interval literal it stands for.
 */
void VelostreamWindowArgument(List<SqlNode> arguments) :
{
    final SqlNode e;
    final String digits;
    final SqlParserPos numberPos;
    SqlIdentifier unit = null;
}
{
    (
        e = IntervalLiteral()
    |
        e = CompoundIdentifier()
    |
        <UNSIGNED_INTEGER_LITERAL> { digits = token.image; numberPos = getPos(); }
        [
            unit = SimpleIdentifier()
        |
            // Reserved words that are units elsewhere (5 MINUTE, 5min): read, to be reported as
            // unknown units rather than as a syntax error.
            ( <MIN> | <MINUTE> | <SECOND> | <HOUR> | <DAY> | <MONTH> | <YEAR> )
            { unit = new SqlIdentifier(token.image, getPos()); }
        ]
        { e = SqlVelostreamWindow.duration(digits, numberPos, unit); }
    )
    { arguments.add(e); }
}
