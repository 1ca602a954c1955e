package io.sluice.compiler.gen;

import io.sluice.compiler.cli.SluiceCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
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

    /**
     * The bytes for a seed are part of the contract (benchmark data sets and their recorded results
     * depend on them): these digests are those of the first implementation, before the writer was
     * made faster. A change to the generators that changes them changes the data, and must say so.
     */
    @Test
    void theBytesForASeedStayTheSame(@TempDir final Path tmp) throws Exception {
        final Path stream = gen(tmp, Workload.STREAM, GenOptions.defaults(Workload.STREAM, 20_000, 42).withDisorder(1500),
            "stream.csv");
        final Path trades = gen(tmp, Workload.TRADES, GenOptions.defaults(Workload.TRADES, 20_000, 42).withKeys(1000),
            "trades.csv");
        final Path nexmark = gen(tmp, Workload.NEXMARK, GenOptions.defaults(Workload.NEXMARK, 20_000, 42), "nx");
        assertThat(sha256(stream)).isEqualTo("a18da41545072bfe0b5a456f828c6ce2862b09b51d91eaece77560c8f8fd70f2");
        assertThat(sha256(trades)).isEqualTo("385daf6170c309fdb0312ea88caae0abdd4874c20c241a33c151487c353a0611");
        assertThat(sha256(nexmark.resolve("person.csv")))
            .isEqualTo("95761814cd8863a6af60d52ac8db2a887942c5534a784ac7ee0df2e6972b7958");
        assertThat(sha256(nexmark.resolve("auction.csv")))
            .isEqualTo("e3817e7156a5e068999a293ed8f5fdf71ba011c5c86fa725cf431a7ca0dbcd61");
        assertThat(sha256(nexmark.resolve("bid.csv")))
            .isEqualTo("6aa0aa8085922261d7004c20ce86bbddf4d9fcb5c98a6d7664fdec53ec47f90e");
    }

    private static String sha256(final Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every generated table, with all its columns declared, is read by {@code sluice run} without a rejected row. */
    @Test
    void sluiceRunReadsEveryGeneratedTable(@TempDir final Path tmp) throws Exception {
        gen(tmp, Workload.TRADES, GenOptions.defaults(Workload.TRADES, 5_000, 9), "trades.csv");
        gen(tmp, Workload.NEXMARK, GenOptions.defaults(Workload.NEXMARK, 20_000, 9), "nx");
        assertRunCounts(tmp, "trades", "trades.csv", """
            symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, qty BIGINT NOT NULL, ts TIMESTAMP(3) NOT NULL,
            WATERMARK FOR ts AS ts - INTERVAL '2' SECOND""", "ts", "qty", 2);
        assertRunCounts(tmp, "person", "nx/person.csv", """
            id BIGINT NOT NULL, name VARCHAR NOT NULL, emailAddress VARCHAR NOT NULL, creditCard VARCHAR NOT NULL,
            city VARCHAR NOT NULL, state VARCHAR NOT NULL, `dateTime` TIMESTAMP(3) NOT NULL, extra VARCHAR NOT NULL,
            WATERMARK FOR `dateTime` AS `dateTime`""", "`dateTime`", "id", 0);
        assertRunCounts(tmp, "auction", "nx/auction.csv", """
            id BIGINT NOT NULL, itemName VARCHAR NOT NULL, description VARCHAR NOT NULL, initialBid BIGINT NOT NULL,
            reserve BIGINT NOT NULL, `dateTime` TIMESTAMP(3) NOT NULL, expires TIMESTAMP(3) NOT NULL,
            seller BIGINT NOT NULL, category BIGINT NOT NULL, extra VARCHAR NOT NULL,
            WATERMARK FOR `dateTime` AS `dateTime`""", "`dateTime`", "reserve", 4);
        assertRunCounts(tmp, "bid", "nx/bid.csv", """
            auction BIGINT NOT NULL, bidder BIGINT NOT NULL, price BIGINT NOT NULL, `dateTime` TIMESTAMP(3) NOT NULL,
            extra VARCHAR NOT NULL, WATERMARK FOR `dateTime` AS `dateTime`""", "`dateTime`", "price", 2);
    }

    /**
     * Runs {@code SELECT COUNT(*), SUM(sumColumn)} over day-long windows of {@code table} and checks
     * their totals against the file ({@code sumIndex}: the column's position in it).
     */
    private static void assertRunCounts(final Path dir, final String table, final String file, final String columns,
                                        final String timeColumn, final String sumColumn, final int sumIndex)
        throws Exception {
        final List<String> lines = Files.readAllLines(dir.resolve(file));
        long sum = 0;
        for (final String line : lines.subList(1, lines.size())) {
            sum += Long.parseLong(line.split(",", -1)[sumIndex]);
        }
        final Path query = dir.resolve(table + ".sql");
        Files.writeString(query, "CREATE TABLE " + table + " (" + columns + ") WITH ('path' = '" + file + "');\n"
            + "SELECT COUNT(*) AS n, SUM(" + sumColumn + ") AS s FROM TABLE(TUMBLE(TABLE " + table + ", DESCRIPTOR("
            + timeColumn + "), INTERVAL '1' DAY)) GROUP BY window_start, window_end");
        final Path out = dir.resolve(table + "-out.csv");
        final StringWriter err = new StringWriter();
        final int exit = SluiceCli.execute(new String[] {"run", query.toString(), "--output", out.toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(exit).as(table + ": " + err).isZero();
        final List<String> result = Files.readAllLines(out);
        assertThat(result.getFirst()).isEqualTo("n,s");
        long n = 0;
        long s = 0;
        for (final String row : result.subList(1, result.size())) { // trades' disorder reaches into the day before
            n += Long.parseLong(row.split(",")[0]);
            s += Long.parseLong(row.split(",")[1]);
        }
        assertThat(n).as(table).isEqualTo(lines.size() - 1);
        assertThat(s).as(table).isEqualTo(sum);
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
