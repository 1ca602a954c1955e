package io.sluice.compiler.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the workloads of {@link Workload} as CSV. Deterministic: the output depends only on the
 * workload and the {@link GenOptions}. Single-threaded, no allocation per row.
 */
public final class Generators {
    /** Nexmark's default proportions: of every 50 events, 1 person, 3 auctions, 46 bids. */
    static final int PERSON_PROPORTION = 1;
    static final int AUCTION_PROPORTION = 3;
    static final int TOTAL_PROPORTION = 50;
    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    static final long FIRST_CATEGORY_ID = 10;
    static final int HOT_RATIO = 100;

    public static final String[] STREAM_HEADER = {"group_id", "value", "ts"};
    public static final String[] TRADES_HEADER = {"symbol", "price", "qty", "ts"};
    public static final String[] PERSON_HEADER = {"id", "name", "emailAddress", "creditCard", "city", "state",
        "dateTime", "extra"};
    public static final String[] AUCTION_HEADER = {"id", "itemName", "description", "initialBid", "reserve",
        "dateTime", "expires", "seller", "category", "extra"};
    public static final String[] BID_HEADER = {"auction", "bidder", "price", "dateTime", "extra"};

    private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
        "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
        "Jones", "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
        "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};

    private Generators() {
    }

    /** What was written. */
    public record Result(List<Path> files, long rows, long nanos) {
        public double rowsPerSecond() {
            return nanos == 0 ? 0 : rows * 1e9 / nanos;
        }
    }

    /**
     * Generates {@code workload} to {@code out}: a file for STREAM and TRADES, a folder (created if
     * missing) holding person.csv, auction.csv and bid.csv for NEXMARK.
     */
    public static Result generate(final Workload workload, final Path out, final GenOptions options) {
        final long start = System.nanoTime();
        final List<Path> files = switch (workload) {
            case STREAM -> {
                stream(out, options);
                yield List.of(out);
            }
            case TRADES -> {
                trades(out, options);
                yield List.of(out);
            }
            case NEXMARK -> nexmark(out, options);
        };
        return new Result(files, options.rows(), System.nanoTime() - start);
    }

    static void stream(final Path out, final GenOptions o) {
        final SplittableRandom r = new SplittableRandom(o.seed());
        final EventClock clock = new EventClock(o);
        try (AsciiCsvWriter w = new AsciiCsvWriter(out, STREAM_HEADER)) {
            for (long i = 0; i < o.rows(); i++) {
                w.number(r.nextInt(o.keys()));
                w.hundredths(r.nextInt(100_000));
                w.timestamp(clock.next(r));
                w.endRow();
            }
        }
    }

    /** Symbol {@code index}: four capital letters, distinct for every index below 26^4. */
    public static String symbol(final int index) {
        final int n = 26 * 26 * 26 * 26;
        int v = (int) ((index * 7919L + 4567) % n);
        final char[] c = new char[4];
        for (int k = 3; k >= 0; k--) {
            c[k] = (char) ('A' + v % 26);
            v /= 26;
        }
        return new String(c);
    }

    static void trades(final Path out, final GenOptions o) {
        if (o.keys() > 26 * 26 * 26 * 26) {
            throw new IllegalArgumentException("trades has at most 456976 symbols (four letters), not " + o.keys());
        }
        final SplittableRandom r = new SplittableRandom(o.seed());
        final byte[][] symbols = new byte[o.keys()][];
        final long[] cents = new long[o.keys()];
        for (int k = 0; k < symbols.length; k++) {
            symbols[k] = symbol(k).getBytes(StandardCharsets.US_ASCII);
            cents[k] = 1_000 + r.nextLong(99_000); // 10.00 to 999.99
        }
        final EventClock clock = new EventClock(o);
        try (AsciiCsvWriter w = new AsciiCsvWriter(out, TRADES_HEADER)) {
            for (long i = 0; i < o.rows(); i++) {
                final int s = r.nextInt(symbols.length);
                long p = cents[s] + r.nextInt(21) - 10; // a step of at most 0.10
                if (p < 100) {
                    p = 100 + (100 - p);
                }
                cents[s] = p;
                w.text(symbols[s]);
                w.hundredths(p);
                w.number(1 + r.nextInt(1000));
                w.timestamp(clock.next(r));
                w.endRow();
            }
        }
    }

    /** Byte forms of the fixed strings Nexmark's person and auction rows are made of. */
    private static final byte[][][] NAMES = new byte[FIRST_NAMES.length][LAST_NAMES.length][];
    private static final byte[][] EMAIL_NAMES = ascii(Arrays.stream(LAST_NAMES).map(n -> n.toLowerCase(Locale.ROOT))
        .toArray(String[]::new));
    private static final byte[][] CITY_BYTES = ascii(CITIES);
    private static final byte[][] STATE_BYTES = ascii(STATES);
    private static final byte[] EMAIL_DOMAIN = "@example.com".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM = "item".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DESCRIPTION = "description of item ".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                NAMES[f][l] = (FIRST_NAMES[f] + " " + LAST_NAMES[l]).getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    private static byte[][] ascii(final String[] texts) {
        final byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return b;
    }

    static List<Path> nexmark(final Path dir, final GenOptions o) {
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        final Path personFile = dir.resolve("person.csv");
        final Path auctionFile = dir.resolve("auction.csv");
        final Path bidFile = dir.resolve("bid.csv");
        final SplittableRandom r = new SplittableRandom(o.seed());
        final byte[] extra = new byte[16];
        final long inFlight = o.keys();
        final EventClock clock = new EventClock(o);
        try (AsciiCsvWriter person = new AsciiCsvWriter(personFile, PERSON_HEADER);
             AsciiCsvWriter auction = new AsciiCsvWriter(auctionFile, AUCTION_HEADER);
             AsciiCsvWriter bid = new AsciiCsvWriter(bidFile, BID_HEADER)) {
            for (long id = 0; id < o.rows(); id++) {
                final long t = clock.next(r);
                final long offset = id % TOTAL_PROPORTION;
                if (offset < PERSON_PROPORTION) {
                    person(person, r, id, t, extra);
                } else if (offset < PERSON_PROPORTION + AUCTION_PROPORTION) {
                    auction(auction, r, id, t, extra);
                } else {
                    bid(bid, r, id, t, extra, inFlight);
                }
            }
        }
        return List.of(personFile, auctionFile, bidFile);
    }

    // One method per event kind keeps the loop small for the JIT. The random draws of each keep the
    // order they have always had: the same seed gives the same bytes as before.

    private static void person(final AsciiCsvWriter w, final SplittableRandom r, final long id, final long t,
                               final byte[] extra) {
        final long pid = lastPerson(id) + FIRST_PERSON_ID;
        final int first = r.nextInt(FIRST_NAMES.length);
        final int last = r.nextInt(LAST_NAMES.length);
        w.number(pid);
        w.text(NAMES[first][last]);
        w.part(EMAIL_NAMES[last]);
        w.part(pid);
        w.part(EMAIL_DOMAIN);
        w.endField();
        for (int g = 0; g < 4; g++) { // "%04d %04d %04d %04d"
            if (g > 0) {
                w.part(' ');
            }
            w.zeroPadded4(r.nextInt(10000));
        }
        w.endField();
        w.text(CITY_BYTES[r.nextInt(CITIES.length)]);
        w.text(STATE_BYTES[r.nextInt(STATES.length)]);
        w.timestamp(t);
        w.text(extra, randomLetters(r, extra));
        w.endRow();
    }

    private static void auction(final AsciiCsvWriter w, final SplittableRandom r, final long id, final long t,
                                final byte[] extra) {
        final long aid = lastAuction(id) + FIRST_AUCTION_ID;
        final long seller = (r.nextInt(HOT_RATIO) > 0 ? (lastPerson(id) / HOT_RATIO) * HOT_RATIO
            : randomPerson(id, r)) + FIRST_PERSON_ID;
        final long initialBid = price(r);
        w.number(aid);
        w.part(ITEM);
        w.part(aid);
        w.endField();
        w.part(DESCRIPTION);
        w.part(aid);
        w.endField();
        w.number(initialBid);
        w.number(initialBid + price(r));
        w.timestamp(t);
        w.timestamp(t + 1 + r.nextLong(20_000));
        w.number(seller);
        w.number(FIRST_CATEGORY_ID + r.nextInt(5));
        w.text(extra, randomLetters(r, extra));
        w.endRow();
    }

    private static void bid(final AsciiCsvWriter w, final SplittableRandom r, final long id, final long t,
                            final byte[] extra, final long inFlight) {
        final long last = lastAuction(id);
        final long a;
        if (r.nextInt(2) > 0) {
            a = (last / HOT_RATIO) * HOT_RATIO; // a hot auction
        } else {
            final long min = Math.max(last - inFlight, 0);
            a = min + r.nextLong(last - min + 1);
        }
        final long bidder = (r.nextInt(2) > 0 ? (lastPerson(id) / HOT_RATIO) * HOT_RATIO + 1
            : randomPerson(id, r)) + FIRST_PERSON_ID;
        w.number(a + FIRST_AUCTION_ID);
        w.number(bidder);
        w.number(price(r));
        w.timestamp(t);
        w.text(extra, randomLetters(r, extra));
        w.endRow();
    }

    /** The id (base 0) of the last person created at or before event {@code id}. */
    static long lastPerson(final long id) {
        final long epoch = id / TOTAL_PROPORTION;
        final long offset = Math.min(id % TOTAL_PROPORTION, PERSON_PROPORTION - 1);
        return epoch * PERSON_PROPORTION + offset;
    }

    /** The id (base 0) of the last auction created at or before event {@code id} (0 before the first). */
    static long lastAuction(final long id) {
        long epoch = id / TOTAL_PROPORTION;
        long offset = id % TOTAL_PROPORTION;
        if (offset < PERSON_PROPORTION) {
            epoch--;
            offset = AUCTION_PROPORTION - 1;
        } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
            offset = AUCTION_PROPORTION - 1;
        } else {
            offset -= PERSON_PROPORTION;
        }
        return Math.max(0, epoch * AUCTION_PROPORTION + offset);
    }

    private static long randomPerson(final long id, final SplittableRandom r) {
        final long last = lastPerson(id);
        return last - r.nextLong(Math.min(last, 1000) + 1);
    }

    private static final double LN_10_TIMES_6 = 6.0 * Math.log(10.0);

    /** Nexmark's price distribution: 10^(6u) dollars, in cents, u uniform in [0, 1) (as e^(6u ln 10): faster than pow). */
    private static long price(final SplittableRandom r) {
        return Math.round(Math.exp(r.nextDouble() * LN_10_TIMES_6) * 100.0);
    }

    /** Five random bits to a letter: {@code 'a' + bits % 26}. */
    private static final byte[] LETTERS = new byte[32];

    static {
        for (int i = 0; i < LETTERS.length; i++) {
            LETTERS[i] = (byte) ('a' + i % 26);
        }
    }

    /**
     * Fills {@code b} (16 bytes) with 1 to 16 lowercase letters and returns how many: five bits of a
     * random long per letter, a second long drawn only for letters 13 to 16. The first twelve are
     * always filled (whether used or not) so that the loop has a fixed trip count.
     */
    private static int randomLetters(final SplittableRandom r, final byte[] b) {
        final int n = 1 + r.nextInt(16);
        letters(b, 0, 12, r.nextLong());
        if (n > 12) {
            letters(b, 12, 16, r.nextLong());
        }
        return n;
    }

    /** {@code b[from, to)}: a letter from each five bits of {@code bits}, lowest first. */
    private static void letters(final byte[] b, final int from, final int to, final long bits) {
        long rest = bits;
        for (int i = from; i < to; i++) {
            b[i] = LETTERS[(int) (rest & 0x1F)];
            rest >>>= 5;
        }
    }
}
