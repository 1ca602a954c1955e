package io.sluice.compiler.api;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.QuerySession;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregation state at scale through the embedding API: ten million groups fit in the default
 * state memory limit ({@link MemoryBudget#DEFAULT_LIMIT}, 4 GiB, as {@code --max-state-memory}'s
 * default) and come out right; a limit too small for the groups stops the run with an error
 * naming the limit and the flag that raises it.
 */
class GroupStateMemoryTest {
    private static final String GROUP_BY_KEY = """
        CREATE TABLE t (k BIGINT NOT NULL, v BIGINT NOT NULL);
        SELECT k, COUNT(*) AS n, SUM(v) AS s FROM t GROUP BY k""";

    /** 10^7 = 2^7 5^7: a multiplier prime to it visits every key once, in another order. */
    private static final long KEYS = 10_000_000;
    private static final long SHUFFLE = 7_777_777;

    /** A hash of a result row; summed with a sign per changelog row, it checksums the final table. */
    private static long mix(final long k, final long n, final long s) {
        long h = k * 0x9E3779B97F4A7C15L ^ n * 0xC2B2AE3D27D4EB4FL ^ s * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ h >>> 29;
    }

    @Test
    void tenMillionDistinctBigintKeysFitTheDefaultLimitAndComeOutRight() throws CompileException {
        final CompiledQuery query = Sluice.compile(GROUP_BY_KEY);
        // the changelog, applied: groups = inserts - deletes; the table's checksum = sum of mix(row)
        // over +I and +U rows minus the same over -U and -D rows
        final long[] inserts = new long[1];
        final long[] updatesBefore = new long[1];
        final long[] updatesAfter = new long[1];
        final long[] deletes = new long[1];
        final long[] checksum = new long[1];
        final int batchSize = 4096;
        try (QuerySession s = query.open(row -> {
            final long h = mix(row.getLong(0), row.getLong(1), row.getLong(2));
            switch (row.op()) {
                case "+I" -> {
                    inserts[0]++;
                    checksum[0] += h;
                }
                case "+U" -> {
                    updatesAfter[0]++;
                    checksum[0] += h;
                }
                case "-U" -> {
                    updatesBefore[0]++;
                    checksum[0] -= h;
                }
                default -> {
                    deletes[0]++;
                    checksum[0] -= h;
                }
            }
        }, batchSize, MemoryBudget.DEFAULT_LIMIT)) {
            final int k = s.column("k");
            final int v = s.column("v");
            for (long i = 0; i < KEYS; i++) { // every key once: a new group per row
                s.setLong(k, i).setLong(v, 3 * i).commit();
            }
            for (long i = 0; i < KEYS; i++) { // every key again, shuffled: each group found and updated
                final long key = i * SHUFFLE % KEYS;
                s.setLong(k, key).setLong(v, 3 * key + 1).commit();
            }
        }
        long expected = 0;
        for (long key = 0; key < KEYS; key++) {
            expected += mix(key, 2, 6 * key + 1);
        }
        assertThat(inserts[0] - deletes[0]).as("groups").isEqualTo(KEYS);
        // a batch folds its rows into one change per key: a key whose two rows meet in the batch that
        // straddles the passes is inserted with both rows; every other key has an update
        final long lastBatchOfPass1 = KEYS / batchSize * batchSize;
        long meeting = 0;
        for (long i = 0; i < batchSize - (KEYS - lastBatchOfPass1); i++) {
            if (i * SHUFFLE % KEYS >= lastBatchOfPass1) {
                meeting++;
            }
        }
        assertThat(updatesBefore[0]).as("-U rows").isEqualTo(KEYS - meeting);
        assertThat(updatesAfter[0]).as("+U rows").isEqualTo(KEYS - meeting);
        assertThat(checksum[0]).as("checksum of the final table").isEqualTo(expected);
    }

    @Test
    void aLimitTooSmallForTheGroupsIsAnErrorNamingTheLimitAndTheFlag() throws CompileException {
        final CompiledQuery query = Sluice.compile(GROUP_BY_KEY);
        assertThatThrownBy(() -> {
            try (QuerySession s = query.open(row -> { }, 4096, 1L << 20)) {
                final int k = s.column("k");
                final int v = s.column("v");
                for (long i = 0; i < 1_000_000; i++) {
                    s.setLong(k, i).setLong(v, i).commit();
                }
            }
        }).isInstanceOf(DataException.class)
            .hasMessage("group state needs more than the state memory limit of 1 MiB (raise it with --max-state-memory)");
    }
}
