package io.sluice.compiler.gen;

import io.sluice.compiler.cli.SluiceCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload generators: deterministic, their schema, their row counts and their disorder bound. */
class GeneratorsTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static long millis(final String ts) {
        return LocalDateTime.parse(ts, TS).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static Path gen(final Path dir, final Workload w, final GenOptions o, final String name) {
        final Path out = dir.resolve(name);
        Generators.generate(w, out, o);
        return out;
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir final Path tmp) throws Exception {
        for (final Workload w : new Workload[] {Workload.STREAM, Workload.TRADES}) {
            final Path a = gen(tmp, w, GenOptions.defaults(w, 5000, 7), w + "-a.csv");
            final Path b = gen(tmp, w, GenOptions.defaults(w, 5000, 7), w + "-b.csv");
            final Path c = gen(tmp, w, GenOptions.defaults(w, 5000, 8), w + "-c.csv");
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
            assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        }
        final Path n1 = gen(tmp, Workload.NEXMARK, GenOptions.defaults(Workload.NEXMARK, 5000, 7), "n1");
        final Path n2 = gen(tmp, Workload.NEXMARK, GenOptions.defaults(Workload.NEXMARK, 5000, 7), "n2");
        for (final String f : List.of("person.csv", "auction.csv", "bid.csv")) {
            assertThat(Files.readAllBytes(n1.resolve(f))).as(f).isEqualTo(Files.readAllBytes(n2.resolve(f)));
        }
    }

    @Test
    void streamHasItsHeaderRowCountKeysAndTypes(@TempDir final Path tmp) throws Exception {
        final Path out = gen(tmp, Workload.STREAM, GenOptions.defaults(Workload.STREAM, 10_000, 1).withKeys(50), "s.csv");
        final List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("group_id,value,ts");
        assertThat(lines).hasSize(10_001);
        final Set<Long> keys = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            assertThat(f).hasSize(3);
            final long key = Long.parseLong(f[0]);
            assertThat(key).isBetween(0L, 49L);
            keys.add(key);
            assertThat(f[1]).matches("\\d{1,3}\\.\\d\\d");
            final long t = millis(f[2]);
            assertThat(t).isGreaterThanOrEqualTo(previous); // in order without --disorder
            previous = t;
        }
        assertThat(keys).hasSize(50);
        assertThat(lines.get(1).split(",")[2]).isEqualTo("2024-01-01 00:00:00.000");
        assertThat(previous).isEqualTo(GenOptions.DEFAULT_START + 9_999); // 1000 rows per second of event time
    }

    @Test
    void tradesDisorderIsBoundedAndPresent(@TempDir final Path tmp) throws Exception {
        final long bound = 2000;
        final Path out = gen(tmp, Workload.TRADES, GenOptions.defaults(Workload.TRADES, 50_000, 3), "t.csv");
        final List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("symbol,price,qty,ts");
        assertThat(lines).hasSize(50_001);
        long max = Long.MIN_VALUE;
        long outOfOrder = 0;
        long deepest = 0;
        final Set<String> symbols = new HashSet<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            assertThat(f).hasSize(4);
            assertThat(f[0]).matches("[A-Z]{4}");
            symbols.add(f[0]);
            assertThat(f[1]).matches("\\d+\\.\\d\\d");
            assertThat(Double.parseDouble(f[1])).isGreaterThanOrEqualTo(1.0);
            assertThat(Long.parseLong(f[2])).isBetween(1L, 1000L);
            final long t = millis(f[3]);
            if (t < max) {
                outOfOrder++;
                deepest = Math.max(deepest, max - t);
            }
            if (max != Long.MIN_VALUE) {
                assertThat(t).as(line).isGreaterThanOrEqualTo(max - bound);
            }
            max = Math.max(max, t);
        }
        assertThat(symbols).hasSize(100);
        assertThat(outOfOrder).isGreaterThan(5_000); // about a quarter of the rows
        assertThat(deepest).isGreaterThan(bound / 2).isLessThanOrEqualTo(bound);
    }

    @Test
    void symbolsAreDistinct() {
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Generators.symbol(i))).isTrue();
        }
    }

    @Test
    void nexmarkWritesThreeFilesInNexmarkProportionsAndSchema(@TempDir final Path tmp) throws Exception {
        final Path dir = gen(tmp, Workload.NEXMARK, GenOptions.defaults(Workload.NEXMARK, 10_000, 5), "nx");
        final List<String> person = Files.readAllLines(dir.resolve("person.csv"));
        final List<String> auction = Files.readAllLines(dir.resolve("auction.csv"));
        final List<String> bid = Files.readAllLines(dir.resolve("bid.csv"));
        assertThat(person.getFirst()).isEqualTo("id,name,emailAddress,creditCard,city,state,dateTime,extra");
        assertThat(auction.getFirst())
            .isEqualTo("id,itemName,description,initialBid,reserve,dateTime,expires,seller,category,extra");
        assertThat(bid.getFirst()).isEqualTo("auction,bidder,price,dateTime,extra");
        assertThat(person).hasSize(1 + 200);
        assertThat(auction).hasSize(1 + 600);
        assertThat(bid).hasSize(1 + 9200);
        // person ids are dense from 1000, auction ids dense from 1000; bids refer to existing auctions and persons
        assertThat(person.get(1)).startsWith("1000,");
        assertThat(person.getLast()).startsWith("1199,");
        assertThat(auction.get(1)).startsWith("1000,");
        assertThat(auction.getLast()).startsWith("1599,");
        long previous = Long.MIN_VALUE;
        for (final String line : bid.subList(1, bid.size())) {
            final String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            assertThat(Long.parseLong(f[0])).isBetween(1000L, 1599L);
            assertThat(Long.parseLong(f[1])).isBetween(1000L, 1199L);
            assertThat(Long.parseLong(f[2])).isPositive();
            final long t = millis(f[3]);
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
            assertThat(f[4]).matches("[a-z]{1,16}");
        }
        for (final String line : auction.subList(1, auction.size())) {
            assertThat(line.split(",", -1)).hasSize(10);
        }
        for (final String line : person.subList(1, person.size())) {
            assertThat(line.split(",", -1)).hasSize(8);
        }
    }

    @Test
    void zeroRowsWriteOnlyTheHeader(@TempDir final Path tmp) throws Exception {
        final Path out = gen(tmp, Workload.STREAM, GenOptions.defaults(Workload.STREAM, 0, 1), "empty.csv");
        assertThat(Files.readString(out)).isEqualTo("group_id,value,ts\n");
    }

    @Test
    void sluiceGenWritesWhatSluiceRunReads(@TempDir final Path tmp) throws Exception {
        final Path data = tmp.resolve("stream.csv");
        final StringWriter err = new StringWriter();
        final int exit = SluiceCli.execute(new String[] {"gen", "stream", "--rows", "2000", "--out", data.toString(),
            "--keys", "10"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("2,000 rows of stream");
        final Path query = tmp.resolve("q.sql");
        Files.writeString(query, """
            CREATE TABLE stream (group_id BIGINT, value DOUBLE, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('path' = 'stream.csv');
            SELECT COUNT(*) AS n FROM TABLE(TUMBLE(TABLE stream, DESCRIPTOR(ts), INTERVAL '1' SECOND))
            GROUP BY window_start, window_end""");
        final Path out = tmp.resolve("out.csv");
        final StringWriter runErr = new StringWriter();
        final int run = SluiceCli.execute(new String[] {"run", query.toString(), "--output", out.toString(),
            "--partitions", "1"}, new PrintWriter(new StringWriter(), true), new PrintWriter(runErr, true));
        assertThat(run).as(runErr.toString()).isZero();
        // 1000 rows per second of event time: two full one-second windows
        assertThat(Files.readAllLines(out)).containsExactly("n", "1000", "1000");
    }

    @Test
    void genRejectsAnUnknownWorkload(@TempDir final Path tmp) {
        final StringWriter err = new StringWriter();
        final int exit = SluiceCli.execute(new String[] {"gen", "tpch", "--rows", "1", "--out", tmp.resolve("x").toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(io.sluice.runtime.cli.Cli.EXIT_USAGE);
        assertThat(err.toString()).contains("unknown workload 'tpch'");
    }
}
