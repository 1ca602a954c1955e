<#--
  One macro set per aggregate function (as Trino keeps one class per aggregate): "update" folds
  one row's argument into the accumulator at buf[acc + off], "merge" folds the accumulator at
  buf[from + off] into it (sessions merging), "result" reads the accumulator into the locals a<j>
  and a<j>_null. Layouts, 8-byte slots from off:
    COUNT(*), COUNT(x):  [count]
    SUM(x):              [sum][count of non-NULL x]         NULL when the count is 0; the count is not kept
                                                            (a.counted false) for a NOT NULL x in a group
                                                            that exists only once a row reached it
    AVG(x):              [sum][count of non-NULL x]         DOUBLE sum / count
    MIN(x), MAX(x):      [value][has a value]               VARCHAR values are dictionary codes: of the
                                                            source's dictionary for a column, of the
                                                            kernel's own (localStrings) when computed
  Zeroed memory is the empty state of every layout, so new groups need no initialisation.
  DOUBLE sums add in row order: the same input order gives the same bits.
-->

<#-- update, its lines indented by extra more than the 16 spaces of a row loop's body. -->
<#macro update a extra="">
<#if extra == "">
<@updateRow a/>
<#else>
<#local body><@updateRow a/></#local>
${body?replace("(?m)^(?=.)", extra, "r")}<#t>
</#if>
</#macro>

<#-- Every aggregate's update of a row loop, reading and writing the accumulators at the address "at"
     (the entry's accumulators, see the callers) instead of through buf: no bounds check per access. -->
<#macro updateAllAt extra="">
<#local updates><#list aggs as a><@update a extra/></#list></#local>
${updates?replace("buf.(get|put)(Long|Double)\\(acc \\+ ", "UnsafeApi.$1$2(at + ", "r")}<#t>
</#macro>

<#macro updateRow a>
<#switch a.kind>
<#case "COUNT_STAR">
                buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + 1L);
<#break>
<#case "COUNT">
                if (!(${a.argNull})) {
                    buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + 1L);
                }
<#break>
<#case "SUM">
<#case "AVG">
                if (!(${a.argNull})) {
<#if a.argType == "DOUBLE">
                    buf.putDouble(acc + ${a.off}, buf.getDouble(acc + ${a.off}) + ${a.arg});
<#else>
                    buf.putLong(acc + ${a.off}, SqlFunctions.add(buf.getLong(acc + ${a.off}), ${a.arg}, ${a.nameLiteral}));
</#if>
<#if a.counted>
                    buf.putLong(acc + ${a.off + 8}, buf.getLong(acc + ${a.off + 8}) + 1L);
</#if>
                }
<#break>
<#case "MIN">
<#case "MAX">
<#assign op = (a.kind == "MIN")?then("<", ">")>
                if (!(${a.argNull})) {
<#if a.argType == "DOUBLE">
                    if (buf.getLong(acc + ${a.off + 8}) == 0L || SqlFunctions.compare(${a.arg}, buf.getDouble(acc + ${a.off})) ${op} 0) {
                        buf.putDouble(acc + ${a.off}, ${a.arg});
<#elseif a.argType == "VARCHAR">
                    if (buf.getLong(acc + ${a.off + 8}) == 0L || ${a.arg}.compareTo(${a.dict}.get((int) buf.getLong(acc + ${a.off}))) ${op} 0) {
                        buf.putLong(acc + ${a.off}, ${a.argCode});
<#else>
                    if (buf.getLong(acc + ${a.off + 8}) == 0L || ${a.arg} ${op} buf.getLong(acc + ${a.off})) {
                        buf.putLong(acc + ${a.off}, ${a.arg});
</#if>
                        buf.putLong(acc + ${a.off + 8}, 1L);
                    }
                }
<#break>
</#switch>
</#macro>

<#macro merge a>
<#switch a.kind>
<#case "COUNT_STAR">
<#case "COUNT">
        buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + buf.getLong(from + ${a.off}));
<#break>
<#case "SUM">
<#case "AVG">
        if (<#if a.counted>buf.getLong(from + ${a.off + 8}) != 0L<#else>true</#if>) {
<#if a.argType == "DOUBLE">
            buf.putDouble(acc + ${a.off}, buf.getDouble(acc + ${a.off}) + buf.getDouble(from + ${a.off}));
<#else>
            buf.putLong(acc + ${a.off}, SqlFunctions.add(buf.getLong(acc + ${a.off}), buf.getLong(from + ${a.off}), ${a.nameLiteral}));
</#if>
            buf.putLong(acc + ${a.off + 8}, buf.getLong(acc + ${a.off + 8}) + buf.getLong(from + ${a.off + 8}));
        }
<#break>
<#case "MIN">
<#case "MAX">
<#assign op = (a.kind == "MIN")?then("<", ">")>
        if (buf.getLong(from + ${a.off + 8}) != 0L && (buf.getLong(acc + ${a.off + 8}) == 0L
<#if a.argType == "DOUBLE">
            || SqlFunctions.compare(buf.getDouble(from + ${a.off}), buf.getDouble(acc + ${a.off})) ${op} 0)) {
<#elseif a.argType == "VARCHAR">
            || ${a.dict}.get((int) buf.getLong(from + ${a.off})).compareTo(${a.dict}.get((int) buf.getLong(acc + ${a.off}))) ${op} 0)) {
<#else>
            || buf.getLong(from + ${a.off}) ${op} buf.getLong(acc + ${a.off}))) {
</#if>
            buf.putLong(acc + ${a.off}, buf.getLong(from + ${a.off}));
            buf.putLong(acc + ${a.off + 8}, 1L);
        }
<#break>
</#switch>
</#macro>

<#macro result a>
<#switch a.kind>
<#case "COUNT_STAR">
<#case "COUNT">
        final long a${a.index} = buf.getLong(acc + ${a.off});
<#break>
<#case "SUM">
        final boolean a${a.index}_null = <#if a.counted>buf.getLong(acc + ${a.off + 8}) == 0L<#else>false</#if>;
<#if a.argType == "DOUBLE">
        final double a${a.index} = buf.getDouble(acc + ${a.off});
<#else>
        final long a${a.index} = buf.getLong(acc + ${a.off});
</#if>
<#break>
<#case "AVG">
        final boolean a${a.index}_null = buf.getLong(acc + ${a.off + 8}) == 0L;
        final double a${a.index} = a${a.index}_null ? 0.0d : <#if a.argType == "DOUBLE">buf.getDouble<#else>(double) buf.getLong</#if>(acc + ${a.off}) / buf.getLong(acc + ${a.off + 8});
<#break>
<#case "MIN">
<#case "MAX">
        final boolean a${a.index}_null = buf.getLong(acc + ${a.off + 8}) == 0L;
<#if a.argType == "DOUBLE">
        final double a${a.index} = buf.getDouble(acc + ${a.off});
<#elseif a.argType == "VARCHAR">
        final String a${a.index} = a${a.index}_null ? null : ${a.dict}.get((int) buf.getLong(acc + ${a.off}));
<#elseif a.argType == "INT">
        final int a${a.index} = (int) buf.getLong(acc + ${a.off});
<#else>
        final long a${a.index} = buf.getLong(acc + ${a.off});
</#if>
<#break>
</#switch>
</#macro>
