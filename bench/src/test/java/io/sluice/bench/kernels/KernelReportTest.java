package io.sluice.bench.kernels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KernelReportTest {
    private static String result(final String benchmark, final String params, final double score, final String gc) {
        return """
            {"jmhVersion":"1.37","benchmark":"io.sluice.bench.kernels.%s","mode":"thrpt","threads":1,"forks":1,
             "jdkVersion":"25","vmName":"OpenJDK 64-Bit Server VM","vmVersion":"25+36",
             "warmupIterations":1,"warmupTime":"1 s","measurementIterations":2,"measurementTime":"1 s",
             "params":{%s},
             "primaryMetric":{"score":%s,"scoreError":"NaN","scoreUnit":"ops/s"},
             "secondaryMetrics":{%s}}""".formatted(benchmark, params, score, gc);
    }

    private static List<KernelReport.Result> parse(final String json) throws Exception {
        final List<KernelReport.Result> out = new ArrayList<>();
        for (final JsonNode n : new ObjectMapper().readTree(json)) {
            out.add(KernelReport.parse(n));
        }
        return out;
    }

    @Test
    void pairsTwinsAndJudgesTargets() throws Exception {
        final String gc = "\"gc.alloc.rate.norm\":{\"score\":0.00012,\"scoreUnit\":\"B/op\"}";
        final String json = "[" + String.join(",",
            result("GroupByBigintBenchmark.groupBy", "\"batch\":\"4096\",\"keys\":\"1000\",\"simd\":\"true\"", 300e6, gc),
            result("GroupByBigintBenchmark.groupBy", "\"batch\":\"4096\",\"keys\":\"1000\",\"simd\":\"false\"", 150e6, gc),
            result("GroupByBigintBenchmark.groupBy", "\"batch\":\"4096\",\"keys\":\"10\",\"simd\":\"true\"", 100e6, gc),
            result("NoGroupByBenchmark.baseline", "\"simd\":\"true\"", 1e9, gc),
            result("NoGroupByBenchmark.baseline", "\"simd\":\"false\"", 0.5e9, gc),
            result("NoGroupByBenchmark.sum", "\"simd\":\"true\"", 400e6, gc),
            result("NoGroupByBenchmark.sum", "\"simd\":\"false\"", 200e6, gc)) + "]";
        final List<KernelReport.Result> results = parse(json);

        final List<KernelReport.Row> rows = KernelReport.rows(results);
        assertThat(rows).extracting(r -> r.benchmark + " " + r.params).containsExactly(
            "NoGroupByBenchmark.baseline {}", "NoGroupByBenchmark.sum {}",
            "GroupByBigintBenchmark.groupBy {batch=4096, keys=10}", "GroupByBigintBenchmark.groupBy {batch=4096, keys=1000}");

        final String md = KernelReport.render(results, null, "bench/kernels --quick", "1 2 3", "4 5 6");
        assertThat(md)
            .contains("| memory-read baseline (sum of the BIGINT buffer) (`NoGroupByBenchmark.baseline`) | — | 1.00G | 500.0M | 2.00x | 0.0001 / 0.0001 | bandwidth: 8.00 GB/s SIMD, 4.00 GB/s scalar |")
            .contains(">= 50% of baseline bandwidth: not met (40%, 3.20 GB/s); SIMD >= 1.5x scalar: met (2.00x)")
            .contains("| batch=4096, keys=1000 | 300.0M | 150.0M | 2.00x | 0.0001 / 0.0001 | >= 250M: met (1.20x) | Java table 160M, DuckDB 1t 190M (1K keys) |")
            .contains("| batch=4096, keys=10 | 100.0M | — | — | 0.0001 / — | >= 250M: not met (0.40x) | at 50 keys: Java table 279M, DuckDB 1t 205M |")
            .contains("Command: `bench/kernels --quick`");
    }

    @Test
    void putsTheReferencesMeasuredInTheRunBesideGroupByBigint() throws Exception {
        final List<KernelReport.Result> results = parse("[" + String.join(",",
            result("GroupByBigintBenchmark.groupBy", "\"batch\":\"4096\",\"keys\":\"1000000\",\"simd\":\"true\"", 30e6, ""),
            result("GroupByBigintBenchmark.groupBy", "\"batch\":\"4096\",\"keys\":\"1000\",\"simd\":\"true\"", 280e6, ""),
            result("JavaTableBenchmark.groupBy", "\"keys\":\"1000000\"", 20e6, ""),
            result("DuckDbBenchmark.groupBy", "\"keys\":\"1000000\"", 25e6, ""),
            result("DuckDbBenchmark.groupBy", "\"keys\":\"1000\"", 100e6, "")) + "]");

        assertThat(KernelReport.rows(results)).extracting(r -> r.benchmark).containsOnly("GroupByBigintBenchmark.groupBy");
        final String md = KernelReport.render(results, null, null, null, null);
        assertThat(md)
            .contains("| batch=4096, keys=1000000 | 30.0M | — | — | >= 35M: not met (0.86x); >= 1.5x DuckDB 1t (this run): "
                + "not met (1.20x) | this run: Java table 20.0M (SIMD 1.50x), DuckDB 1t 25.0M (SIMD 1.20x); issue: Java "
                + "table 34M, DuckDB 1t 20M (1M keys) |")
            .contains("| batch=4096, keys=1000 | 280.0M | — | — | >= 250M: met (1.12x); >= 1.2x DuckDB 1t (this run): met "
                + "(2.80x) | this run: Java table — (SIMD —), DuckDB 1t 100.0M (SIMD 2.80x); issue: Java table 160M, "
                + "DuckDB 1t 190M (1K keys) |")
            .contains("Measured in this run, on GROUP BY BIGINT's input");
    }

    @Test
    void omitsTheAllocationColumnWithoutGcProfiler() throws Exception {
        final List<KernelReport.Result> results = parse("[" + result("TumbleBenchmark.tumble",
            "\"batch\":\"4096\",\"symbols\":\"50\",\"simd\":\"true\"", 2.5e8, "") + "]");
        final String md = KernelReport.render(results, null, null, null, null);
        assertThat(md).doesNotContain("alloc B/rec")
            .contains("| batch=4096, symbols=50 | 250.0M | — | — | >= 200M: met (1.25x) | DuckDB 1t 26M (50 keys); Velostream 1.04M published |");
    }

    @Test
    void marksDenseKeysFromBatchesInCache() throws Exception {
        final List<KernelReport.Result> results = parse("[" + String.join(",",
            result("GroupByDenseBenchmark.groupBy", "\"cardinality\":\"50\",\"keyType\":\"INT\",\"pool\":\"0\",\"simd\":\"true\"", 6e8, ""),
            result("GroupByDenseBenchmark.groupBy", "\"cardinality\":\"50\",\"keyType\":\"INT\",\"pool\":\"16\",\"simd\":\"true\"", 1.05e9, ""))
            + "]");
        final String md = KernelReport.render(results, null, null, null, null);
        assertThat(md)
            .contains("| cardinality=50, keyType=INT, pool=0 | 600.0M | — | — | >= 1G: not met (0.60x) | Java table 279M, DuckDB 1t 205M (50 keys) |")
            .contains("| cardinality=50, keyType=INT, pool=16 | 1.05G | — | — | >= 1G: met (1.05x) (batches in cache) | no reference in cache (DuckDB's and the Java table's read memory) |");
    }

    @Test
    void formatsMagnitudes() {
        assertThat(KernelReport.si(1_234_567_890)).isEqualTo("1.23G");
        assertThat(KernelReport.si(34_000_000)).isEqualTo("34.0M");
        assertThat(KernelReport.si(1_040)).isEqualTo("1.0K");
        assertThat(KernelReport.ratio(3, 2)).isEqualTo("1.50x");
    }
}
