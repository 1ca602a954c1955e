<#--
  The SIMD twin of a kernel: a second top-level class <kernel>_Simd in the kernel's source, whose loops take 8 rows per step with the
  Vector API (jdk.incubator.vector). The kernel calls it only when context.useSimd() is true, so
  the kernel class itself names no Vector API type and loads on any JVM. Every loop here has a
  scalar counterpart in the kernel that gives the same result bit for bit:
    select  <-> the row loop's WHERE          fused <-> fusedScalar
  Lanes: LS (8 longs, 512 bits); INT columns load as 8 ints (IS, 256 bits) widened to longs, DOUBLE
  columns as 8 doubles (DS). The last step of a loop masks off lanes past the batch's rows
  (LS.indexInRange); column buffers hold whole 8-row chunks, so its loads stay in bounds.
-->

<#macro imports>
<#if simd??>
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
</#if>
</#macro>

<#-- Fields and helpers the kernel keeps for its twins. -->
<#macro kernelFields>
<#if simd??>
    /** Which twin runs: the Vector API loops of {@link ${className}_Simd}, or the scalar loops (--no-simd). */
    private final boolean simd;
</#if>
<#if simd?? && simd.hashKey??>
    /** Hashes of the current batch's group keys (SIMD twin), a whole number of 8-row steps long. */
    private long[] hashes = new long[0];

    private long[] hashes(final ColumnBatch batch) {
        if (hashes.length < batch.capacity()) {
            hashes = new long[(batch.capacity() + 7) & ~7];
        }
        return hashes;
    }
</#if>
<#if simd?? && simd.packed??>
    /** The SIMD twin's packed per-key counts and sums of a batch of small keys (foldPacked). */
    private final PackedPartials partials = new PackedPartials();
</#if>
<#if simd?? && simd.hashKey??>
    /** The current batch's smallest and largest key and summed value (SIMD twin's ranges). */
    private final long[] range = new long[4];
</#if>
<#if simd?? && simd.select>
    /** Rows of the current batch that pass WHERE (SIMD twin). */
    private int[] sel = new int[0];

    /** The selection array, grown to the batch's capacity when needed (no allocation after that). */
    private int[] selection(final ColumnBatch batch) {
        if (sel.length < batch.capacity()) {
            sel = new int[batch.capacity()];
        }
        return sel;
    }
</#if>
</#macro>

<#macro kernelInit>
<#if simd??>
        simd = context.useSimd();
</#if>
</#macro>

<#-- The 8 rows [i, i + 8) of integer column c (BIGINT/TIMESTAMP, or INT and dictionary codes
     widened) as a LongVector expression. -->
<#function longLanes c>
<#if c.kind == "I"><#return "(LongVector) IntVector.fromMemorySegment(IS, " + c.var + "_seg, (long) i << 2, NO).castShape(LS, 0)"></#if>
<#return "LongVector.fromMemorySegment(LS, " + c.var + "_seg, (long) i << 3, NO)">
</#function>

<#-- Segments of the columns the lanes read. -->
<#macro segments cols>
<#list cols as c>
            final ColumnVector ${c.var}_col = batch.column(${c.index});
            final MemorySegment ${c.var}_seg = ${c.var}_col.segment();
</#list>
</#macro>

<#-- One step's loads and the mask "pass" of the rows that pass WHERE, at rows [i, i + 8); tail: the
     step may reach past the batch's n rows (else it is a whole step below n: no range mask).
     part: "all"; "filter", the columns WHERE reads (c.filter) and the mask; "rest", the other
     columns' loads. -->
<#macro chunk cols tail=true part="all">
<#list cols as c>
<#if part == "all" || (part == "filter") == c.filter>
<#if c.kind == "D">
                final DoubleVector ${c.var}_v = DoubleVector.fromMemorySegment(DS, ${c.var}_seg, (long) i << 3, NO);
<#else>
                final LongVector ${c.var}_v = ${longLanes(c)};
</#if>
<#if c.nullable>
                final VectorMask ${c.var}_n = VectorMask.fromLong(LS, ${c.var}_col.nullBits8(i));
</#if>
</#if>
</#list>
<#if part == "rest">
<#elseif simd.filter??>
<#list simd.filter.code as line>
                ${line}
</#list>
                final VectorMask pass = ${simd.filter.mask}<#if tail>.and(LS.indexInRange(i, n))</#if>;
<#if simd.filter.overflow??>
                // lanes whose BIGINT arithmetic in WHERE overflowed (or might have): the scalar twin decides their batch
                final VectorMask laneOverflow = (${simd.filter.overflow})<#if tail>.and(LS.indexInRange(i, n))</#if>;
</#if>
<#else>
                final VectorMask pass = <#if tail>LS.indexInRange(i, n)<#else>LS.maskAll(true)</#if>;
</#if>
</#macro>

<#-- The twin's class, after the kernel's; the nested content holds more of its methods. -->
<#macro simdClass>
<#if simd??>

/**
 * The SIMD twin's loops for {@link ${className}} (see simd.ftl): a class of its own, loaded only when
 * the Vector API is available, so that the kernel class names no Vector API type.
 */
final class ${className}_Simd {
        private static final VectorSpecies LS = LongVector.SPECIES_512;
        private static final VectorSpecies IS = IntVector.SPECIES_256;
        private static final VectorSpecies DS = DoubleVector.SPECIES_512;
        private static final ByteOrder NO = ByteOrder.nativeOrder();

        private ${className}_Simd() {
        }
<#if simd.select>

        /**
         * Writes the rows of the batch that pass WHERE into sel; returns how many<#if simd.filter.overflow??>, or -1 when
         * BIGINT arithmetic in WHERE overflowed in some lane, or might have (the scalar twin decides)</#if>.
         */
        static int select(final ColumnBatch batch, final int n, final int[] sel) {
<@segments simd.cols/>
            int m = 0;
            for (int i = 0; i < n; i += 8) {
<@chunk simd.cols/>
<#if simd.filter.overflow??>
                if (laneOverflow.anyTrue()) {
                    return -1;
                }
</#if>
                long bits = pass.toLong();
                while (bits != 0L) {
                    sel[m++] = i + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1L;
                }
            }
            return m;
        }
</#if>
<#if simd.hashKey??>
<#assign summed = simd.packed?? && simd.packed.sum??>

        /**
         * The smallest and largest group key<#if summed> and summed value</#if> of the batch's rows, 8 at a
         * time, into range[0..4)<#if !summed> (no value is summed: 0 and 0)</#if>: small keys go by the direct
         * index<#if simd.packed??>, and fold packed when their values span little (PackedPartials.packable)</#if>.
         */
        static void ranges(final ColumnBatch batch, final int n, final long[] range) {
<#local rangeCols = [simd.hashKey]>
<#if summed && simd.packed.sum.index != simd.hashKey.index><#local rangeCols = rangeCols + [simd.packed.sum]></#if>
<@segments rangeCols/>
            LongVector klo = LongVector.broadcast(LS, Long.MAX_VALUE);
            LongVector khi = LongVector.broadcast(LS, Long.MIN_VALUE);
<#if summed>
            LongVector vlo = LongVector.broadcast(LS, Long.MAX_VALUE);
            LongVector vhi = LongVector.broadcast(LS, Long.MIN_VALUE);
</#if>
            for (int i = 0; i < n; i += 8) {
                final VectorMask live = LS.indexInRange(i, n);
                final LongVector k = ${longLanes(simd.hashKey)};
                klo = klo.lanewise(VectorOperators.MIN, k, live);
                khi = khi.lanewise(VectorOperators.MAX, k, live);
<#if summed>
                final LongVector v = ${longLanes((simd.packed.sum.index == simd.hashKey.index)?then(simd.hashKey, simd.packed.sum))};
                vlo = vlo.lanewise(VectorOperators.MIN, v, live);
                vhi = vhi.lanewise(VectorOperators.MAX, v, live);
</#if>
            }
            range[0] = klo.reduceLanes(VectorOperators.MIN);
            range[1] = khi.reduceLanes(VectorOperators.MAX);
            range[2] = <#if summed>vlo.reduceLanes(VectorOperators.MIN)<#else>0L</#if>;
            range[3] = <#if summed>vhi.reduceLanes(VectorOperators.MAX)<#else>0L</#if>;
        }

        /** SqlFunctions.hash(HASH_SEED, key) of every row's group key, 8 at a time, into hashes. */
        static void hashes(final ColumnBatch batch, final int n, final long[] hashes) {
<@segments [simd.hashKey]/>
            for (int i = 0; i < n; i += 8) {
                LongVector x = ${longLanes(simd.hashKey)};
                x = x.mul(0x9E3779B97F4A7C15L).lanewise(VectorOperators.XOR, SqlFunctions.HASH_SEED);
                x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 32));
                x = x.mul(0xD6E8FEB86659FD93L);
                x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 32));
                x.intoArray(hashes, i);
            }
        }
</#if>
<#nested>
    }
</#if>
</#macro>
