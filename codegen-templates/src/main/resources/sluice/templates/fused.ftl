<#--
  The fused loop of an aggregate without GROUP BY whose WHERE runs in lanes and whose aggregates
  read numeric columns or arithmetic over them (VectorCodegen.value): one pass over the batch per
  twin into per-batch partials (part[], dpart[]), folded into the single group afterwards. BIGINT
  arithmetic in lanes marks the lanes that overflowed (or might have): when a summed row is among
  them, or any row of the batch for arithmetic in WHERE, the lane loop gives up (-1) and the batch
  goes through the row loop, whose checked arithmetic decides (an error there is the row loop's error). Partial slots per aggregate (slot s):
    COUNT(*)              none (the passing rows)
    COUNT(x)              [s] non-NULL rows
    SUM/AVG integer x     [s] sum, [s+1] non-NULL rows, [s+2] smallest, [s+3] largest value
    SUM/AVG DOUBLE x      [s] non-NULL rows; dpart[d..d+8) eight partial sums
    MIN/MAX integer x     [s] value, [s+1] non-NULL rows
  Integer sums: the partial is folded only when SqlFunctions.sumCannotOverflow proves that no order
  of adding the batch's values overflows; otherwise the batch goes through the row loop, which checks
  every step. DOUBLE sums, in both twins: row i of a batch adds into partial sum i % 8 (in row
  order), and at the end of the batch ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)) is added
  to the group's sum: a fixed order, so both twins give the same bits (a different batch size may
  round differently). With WHERE, the SIMD twin has a second loop, fusedSparse, for the batch after
  one in which fewer than 1 row in SPARSE passed: a step loads the columns WHERE does not read only
  when one of its rows passes (the same partials; a skipped step adds nothing).
-->
<#import "common.ftl" as common>
<#import "simd.ftl" as simdt>

<#macro fields>
<#if fused??>
    /** Per-batch partials of the fused loop (see fused.ftl). */
    private final long[] part = new long[${fused.longSlots}];
    private final double[] dpart = new double[${fused.doubleSlots}];
<#if simd?? && simd.filter??>
    /**
     * A batch in which fewer than 1 row in SPARSE passes WHERE makes the next one run the SIMD
     * twin's sparse steps: the columns only the aggregates read are loaded for a step only when one
     * of its rows passes.
     */
    private static final int SPARSE = 32;
    /** Whether the last batch was so (see SPARSE). */
    private boolean sparse;
</#if>
</#if>
</#macro>

<#macro methods>
<#if fused??>

    /**
     * Runs the batch through the fused loop of the twin in use and folds the partials into the group;
     * false, with nothing changed, when an integer sum might overflow (the row loop runs it then).
     */
    private boolean fusedBatch(final ColumnBatch batch, final int n) {
<#list fused.aggs as a>
<#switch a.kind>
<#case "COUNT">
        part[${a.slot}] = 0L;
<#break>
<#case "SUM">
<#case "AVG">
<#if a.colKind == "D">
        part[${a.slot}] = 0L;
        java.util.Arrays.fill(dpart, ${a.dslot}, ${a.dslot + 8}, 0.0d);
<#else>
        part[${a.slot}] = 0L;
        part[${a.slot + 1}] = 0L;
        part[${a.slot + 2}] = Long.MAX_VALUE;
        part[${a.slot + 3}] = Long.MIN_VALUE;
</#if>
<#break>
<#case "MIN">
<#case "MAX">
        part[${a.slot}] = Long.${(a.kind == "MIN")?then("MAX", "MIN")}_VALUE;
        part[${a.slot + 1}] = 0L;
<#break>
</#switch>
</#list>
        final long passed = <#if simd??>!simd ? fusedScalar(batch, n)<#if simd.filter??>
            : sparse ? ${className}_Simd.fusedSparse(batch, n, part, dpart)</#if> : ${className}_Simd.fused(batch, n, part, dpart)<#else>fusedScalar(batch, n)</#if>;
<#if simd?? && simd.filter??>
        sparse = passed >= 0L && passed * SPARSE < n;
</#if>
<#if fused.laneOverflow>
        if (passed < 0L) {
            return false; // BIGINT arithmetic in lanes may have overflowed: the row loop decides
        }
</#if>
        if (passed == 0L) {
            filteredRows += n;
            return true;
        }
        final int e = groups.findOrInsert(SqlFunctions.HASH_SEED);
        final UnsafeBuffer buf = groups.buffer();
        final int acc = accumulatorOffset(e);
<#list fused.aggs as a>
<#if (a.kind == "SUM" || a.kind == "AVG") && a.colKind != "D">
        if (!SqlFunctions.sumCannotOverflow(buf.getLong(acc + ${a.off}), part[${a.slot + 1}], part[${a.slot + 2}], part[${a.slot + 3}])) {
            return false;
        }
</#if>
</#list>
        filteredRows += n - passed;
<#list fused.aggs as a>
<#switch a.kind>
<#case "COUNT_STAR">
        buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + passed);
<#break>
<#case "COUNT">
        buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + part[${a.slot}]);
<#break>
<#case "SUM">
<#case "AVG">
<#if a.colKind == "D">
        if (part[${a.slot}] != 0L) {
            buf.putDouble(acc + ${a.off}, buf.getDouble(acc + ${a.off})
                + (((dpart[${a.dslot}] + dpart[${a.dslot + 1}]) + (dpart[${a.dslot + 2}] + dpart[${a.dslot + 3}]))
                + ((dpart[${a.dslot + 4}] + dpart[${a.dslot + 5}]) + (dpart[${a.dslot + 6}] + dpart[${a.dslot + 7}]))));
            buf.putLong(acc + ${a.off + 8}, buf.getLong(acc + ${a.off + 8}) + part[${a.slot}]);
        }
<#else>
        if (part[${a.slot + 1}] != 0L) {
            buf.putLong(acc + ${a.off}, buf.getLong(acc + ${a.off}) + part[${a.slot}]);
            buf.putLong(acc + ${a.off + 8}, buf.getLong(acc + ${a.off + 8}) + part[${a.slot + 1}]);
        }
</#if>
<#break>
<#case "MIN">
<#case "MAX">
        if (part[${a.slot + 1}] != 0L && (buf.getLong(acc + ${a.off + 8}) == 0L || part[${a.slot}] ${(a.kind == "MIN")?then("<", ">")} buf.getLong(acc + ${a.off}))) {
            buf.putLong(acc + ${a.off}, part[${a.slot}]);
            buf.putLong(acc + ${a.off + 8}, 1L);
        }
<#break>
</#switch>
</#list>
<#if changelog>
        final long flags = buf.getLong(acc + FLAGS);
        if ((flags & DIRTY) == 0L) {
            buf.putLong(acc + FLAGS, flags | DIRTY);
            dirty.addInt(e);
        }
</#if>
        return true;
    }

    /** The scalar twin of the fused loop: returns the rows that pass WHERE. */
    private long fusedScalar(final ColumnBatch batch, final int n) {
<@common.columnVectors/>
        long passed = 0L;
        int i = 0;
        try {
            for (; i < n; i++) {
<@common.readRow/>
<@common.applyFilter false/>
${keyCode}<#t>
                passed++;
<#list fused.aggs as a>
<#switch a.kind>
<#case "COUNT">
                if (!(${a.argNull})) {
                    part[${a.slot}]++;
                }
<#break>
<#case "SUM">
<#case "AVG">
                if (!(${a.argNull})) {
<#if a.colKind == "D">
                    dpart[${a.dslot} + (i & 7)] += ${a.arg};
                    part[${a.slot}]++;
<#else>
                    part[${a.slot}] += ${a.arg};
                    part[${a.slot + 1}]++;
                    part[${a.slot + 2}] = Math.min(part[${a.slot + 2}], ${a.arg});
                    part[${a.slot + 3}] = Math.max(part[${a.slot + 3}], ${a.arg});
</#if>
                }
<#break>
<#case "MIN">
<#case "MAX">
                if (!(${a.argNull})) {
                    part[${a.slot}] = Math.${(a.kind == "MIN")?then("min", "max")}(part[${a.slot}], ${a.arg});
                    part[${a.slot + 1}]++;
                }
<#break>
</#switch>
</#list>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
        return passed;
    }
</#if>
</#macro>

<#-- One step of the fused loop in lanes, rows [i, i + 8); tail: the step may reach past n. The
     min/max of a BIGINT SUM's values only bound the sum for its overflow check
     (SqlFunctions.sumCannotOverflow), so a whole step takes them over all its rows, a superset of
     those summed (no mask to apply), which can only make the check more cautious. -->
<#macro fusedStep tail b="" sparse=false>
<@simdt.chunk simd.cols tail sparse?then("filter", "all")/>
                passed += pass.trueCount();
<#if simd.filter?? && simd.filter.overflow??>
                overflow = overflow.or(laneOverflow);
</#if>
<#if sparse>
                if (pass.anyTrue()) { // else no row of the step passes: nothing more to load
<#assign body><@simdt.chunk simd.cols tail "rest"/><@fusedAggs tail b/></#assign>
${body?replace("(?m)^(?=.)", "    ", "r")}<#t>
                }
<#else>
<@fusedAggs tail b/>
</#if>
</#macro>

<#-- The whole steps of the fused loop in lanes two at a time, into the two sets of accumulators. -->
<#macro pairedSteps sparse>
            for (int j = 0; j < paired; j += 16) {
                {
                final int i = j;
<@fusedStep false "" sparse/>
                }
                {
                final int i = j + 8;
<@fusedStep false "b" sparse/>
                }
            }
</#macro>

<#-- The aggregates' part of a step of the fused loop in lanes (fusedStep). -->
<#macro fusedAggs tail b>
<#list fused.aggs as a>
<#if a.kind != "COUNT_STAR">
<#list a.laneCode as line>
                ${line}
</#list>
<#if a.nullable>
                final VectorMask m${a.index} = pass.andNot(${a.laneNull});
                c${a.index} += m${a.index}.trueCount();
<#else>
                final VectorMask m${a.index} = pass;
</#if>
<#if a.laneOverflow??>
                overflow = overflow.or(${a.laneOverflow}.and(m${a.index}));
</#if>
</#if>
<#switch a.kind>
<#case "SUM">
<#case "AVG">
<#if a.colKind == "D">
                s${a.index} = s${a.index}.add(${a.lane}, m${a.index}.cast(DS)); // one accumulator: the summation order is defined
<#else>
                s${a.index}${b} = s${a.index}${b}.add(${a.lane}, m${a.index});
<#if tail>
                lo${a.index}${b} = lo${a.index}${b}.lanewise(VectorOperators.MIN, ${a.lane}, m${a.index});
                hi${a.index}${b} = hi${a.index}${b}.lanewise(VectorOperators.MAX, ${a.lane}, m${a.index});
<#else>
                lo${a.index}${b} = lo${a.index}${b}.min(${a.lane});
                hi${a.index}${b} = hi${a.index}${b}.max(${a.lane});
</#if>
</#if>
<#break>
<#case "MIN">
<#case "MAX">
                v${a.index}${b} = v${a.index}${b}.lanewise(VectorOperators.${a.kind}, ${a.lane}, m${a.index});
<#break>
</#switch>
</#list>
</#macro>

<#-- The SIMD twin of the fused loop, a method of the class <kernel>_Simd. -->
<#macro simdMethod>
<#if fused??>

        /** The fused loop in lanes: partials into part/dpart (see fused.ftl); returns the rows that pass WHERE. */
<@fusedMethod "fused" false/>
<#if simd.filter??>

        /**
         * fused() for a selective WHERE (SPARSE): each step loads the columns only the aggregates read
         * when one of its rows passes. A method of its own: with both loops in one method, C2 kept
         * the accumulators' vectors on the heap where the loops' values merge.
         */
<@fusedMethod "fusedSparse" true/>
</#if>
</#if>
</#macro>

<#-- The fused loop in lanes, method name; sparse: its steps as fusedStep's sparse ones. -->
<#macro fusedMethod name sparse>
        static long ${name}(final ColumnBatch batch, final int n, final long[] part, final double[] dpart) {
<@simdt.segments simd.cols/>
<#list fused.aggs as a>
<#switch a.kind>
<#case "COUNT">
            long c${a.index} = 0L;
<#break>
<#case "SUM">
<#case "AVG">
            long c${a.index} = 0L;
<#if a.colKind == "D">
            DoubleVector s${a.index} = DoubleVector.fromArray(DS, dpart, ${a.dslot});
<#else>
            LongVector s${a.index} = LongVector.zero(LS);
            LongVector lo${a.index} = LongVector.broadcast(LS, Long.MAX_VALUE);
            LongVector hi${a.index} = LongVector.broadcast(LS, Long.MIN_VALUE);
</#if>
<#break>
<#case "MIN">
<#case "MAX">
            long c${a.index} = 0L;
            LongVector v${a.index} = LongVector.broadcast(LS, Long.${(a.kind == "MIN")?then("MAX", "MIN")}_VALUE);
<#break>
</#switch>
</#list>
            long passed = 0L;
<#if fused.laneOverflow>
            VectorMask overflow = LS.maskAll(false);
</#if>
            // integer accumulators twice over (suffix b) for pairs of whole steps: two independent
            // chains of vector adds, mins and maxes (their latency, not the loads, bounded one chain);
            // integer sums and extremes do not depend on the order, DOUBLE sums keep their one accumulator
<#list fused.aggs as a>
<#if (a.kind == "SUM" || a.kind == "AVG") && a.colKind != "D">
            LongVector s${a.index}b = LongVector.zero(LS);
            LongVector lo${a.index}b = lo${a.index};
            LongVector hi${a.index}b = hi${a.index};
<#elseif a.kind == "MIN" || a.kind == "MAX">
            LongVector v${a.index}b = v${a.index};
</#if>
</#list>
            // whole steps without a range mask, two at a time (a counted loop over j: C2 unrolls it),
            // then one more whole step, then the last, partial step with one
            final int whole = n & ~7;
            final int paired = n & ~15;
<@pairedSteps sparse/>
            int i = paired;
            for (; i < whole; i += 8) {
<@fusedStep false/>
            }
            if (i < n) {
<@fusedStep true/>
            }
<#list fused.aggs as a>
<#if (a.kind == "SUM" || a.kind == "AVG") && a.colKind != "D">
            s${a.index} = s${a.index}.add(s${a.index}b);
            lo${a.index} = lo${a.index}.min(lo${a.index}b);
            hi${a.index} = hi${a.index}.max(hi${a.index}b);
<#elseif a.kind == "MIN" || a.kind == "MAX">
            v${a.index} = v${a.index}.lanewise(VectorOperators.${a.kind}, v${a.index}b);
</#if>
</#list>
<#if fused.laneOverflow>
            if (overflow.anyTrue()) {
                return -1L; // a summed row's BIGINT arithmetic overflowed in lanes, or might have
            }
</#if>
<#list fused.aggs as a>
<#switch a.kind>
<#case "COUNT">
            part[${a.slot}] = <#if a.nullable>c${a.index}<#else>passed</#if>;
<#break>
<#case "SUM">
<#case "AVG">
<#if a.colKind == "D">
            s${a.index}.intoArray(dpart, ${a.dslot});
            part[${a.slot}] = <#if a.nullable>c${a.index}<#else>passed</#if>;
<#else>
            part[${a.slot}] = s${a.index}.reduceLanes(VectorOperators.ADD);
            part[${a.slot + 1}] = <#if a.nullable>c${a.index}<#else>passed</#if>;
            part[${a.slot + 2}] = lo${a.index}.reduceLanes(VectorOperators.MIN);
            part[${a.slot + 3}] = hi${a.index}.reduceLanes(VectorOperators.MAX);
</#if>
<#break>
<#case "MIN">
<#case "MAX">
            part[${a.slot}] = v${a.index}.reduceLanes(VectorOperators.${a.kind});
            part[${a.slot + 1}] = <#if a.nullable>c${a.index}<#else>passed</#if>;
<#break>
</#switch>
</#list>
            return passed;
        }
</#macro>
