package io.sluice.bench.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "What I would write myself": a plain Java loop over the data set's arrays, a HashMap of
 * accumulator objects per group (boxed or record keys), no watermarks (the data has no late rows,
 * so the final windows are the same). One thread.
 */
final class HandwrittenEngine implements Engine {
    private static final long MINUTE = 60_000;

    private Dataset data;
    private QueryDef query;
    private List<String> names;
    private List<Kind> kinds;
    private long sunk;

    @Override
    public String id() {
        return "java-hashmap-mem";
    }

    @Override
    public String label() {
        return "hand-written Java loop + HashMap, 1 thread";
    }

    @Override
    public String mode() {
        return "in-memory";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void prepare(final QueryDef q, final Workspace ws) throws Exception {
        query = q;
        data = ws.dataset(q.data());
        names = ws.names(q);
        kinds = ws.kinds(q);
    }

    /** Receives result rows: collected for the check, folded into a checksum when timed. */
    private interface Out {
        void row(Object... values);
    }

    @Override
    public ResultTable result() {
        final List<Object[]> rows = new ArrayList<>();
        run(values -> rows.add(values.clone()), true);
        return new ResultTable(names, kinds, rows);
    }

    @Override
    public long time() {
        final long t0 = System.nanoTime();
        sunk += run(null, false);
        return System.nanoTime() - t0;
    }

    private static final class Acc {
        long count;
        double sum;
    }

    private record WindowKey(long group, long windowStart) {
    }

    private record SymbolWindow(String symbol, long windowStart) {
    }

    private static final class Ohlc {
        long count;
        long volume;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double priceSum;
    }

    /** Runs the query; with {@code collect} every row goes to {@code out}, else a checksum is returned. */
    private long run(final Out out, final boolean collect) {
        final int n = data.rows;
        long check = 0;
        switch (query.name()) {
            case "velo_select" -> {
                final long[] g = data.longs("group_id");
                final double[] v = data.doubles("value");
                final long[] ts = data.longs("ts");
                for (int i = 0; i < n; i++) {
                    if (v[i] > 500.0) {
                        if (collect) {
                            out.row(g[i], v[i], ts[i]);
                        } else {
                            check += g[i] + (long) v[i] + ts[i];
                        }
                    }
                }
            }
            case "velo_groupby" -> {
                final long[] g = data.longs("group_id");
                final double[] v = data.doubles("value");
                final Map<Long, Acc> groups = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    final Acc a = groups.computeIfAbsent(g[i], k -> new Acc());
                    a.count++;
                    a.sum += v[i];
                }
                for (final Map.Entry<Long, Acc> e : groups.entrySet()) {
                    if (collect) {
                        out.row(e.getKey(), e.getValue().count, e.getValue().sum);
                    } else {
                        check += e.getValue().count;
                    }
                }
            }
            case "velo_tumble" -> {
                final long[] g = data.longs("group_id");
                final double[] v = data.doubles("value");
                final long[] ts = data.longs("ts");
                final Map<WindowKey, Acc> groups = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    final Acc a = groups.computeIfAbsent(new WindowKey(g[i], Math.floorDiv(ts[i], MINUTE) * MINUTE),
                        k -> new Acc());
                    a.count++;
                    a.sum += v[i];
                }
                for (final Map.Entry<WindowKey, Acc> e : groups.entrySet()) {
                    final long start = e.getKey().windowStart();
                    if (collect) {
                        out.row(e.getKey().group(), start, start + MINUTE, e.getValue().count, e.getValue().sum);
                    } else {
                        check += e.getValue().count;
                    }
                }
            }
            case "trades_ohlc" -> {
                final String[] sym = data.strings("symbol");
                final double[] price = data.doubles("price");
                final long[] qty = data.longs("qty");
                final long[] ts = data.longs("ts");
                final Map<SymbolWindow, Ohlc> groups = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    final Ohlc a = groups.computeIfAbsent(
                        new SymbolWindow(sym[i], Math.floorDiv(ts[i], MINUTE) * MINUTE), k -> new Ohlc());
                    a.count++;
                    a.volume += qty[i];
                    a.low = Math.min(a.low, price[i]);
                    a.high = Math.max(a.high, price[i]);
                    a.priceSum += price[i];
                }
                for (final Map.Entry<SymbolWindow, Ohlc> e : groups.entrySet()) {
                    final long start = e.getKey().windowStart();
                    final Ohlc a = e.getValue();
                    if (collect) {
                        out.row(e.getKey().symbol(), start, start + MINUTE, a.count, a.volume, a.low, a.high,
                            a.priceSum / a.count);
                    } else {
                        check += a.count;
                    }
                }
            }
            case "nexmark_q0", "nexmark_q1" -> {
                final boolean euros = query.name().equals("nexmark_q1");
                final long[] auction = data.longs("auction");
                final long[] bidder = data.longs("bidder");
                final long[] price = data.longs("price");
                final long[] time = data.longs("dateTime");
                final String[] extra = data.strings("extra");
                for (int i = 0; i < n; i++) {
                    if (collect) {
                        out.row(auction[i], bidder[i], euros ? (Object) (0.908 * price[i]) : (Object) price[i], time[i],
                            extra[i]);
                    } else {
                        check += auction[i] + bidder[i] + (euros ? (long) (0.908 * price[i]) : price[i]) + time[i]
                            + extra[i].length();
                    }
                }
            }
            case "nexmark_q2" -> {
                final long[] auction = data.longs("auction");
                final long[] price = data.longs("price");
                for (int i = 0; i < n; i++) {
                    if (auction[i] % 123 == 0) {
                        if (collect) {
                            out.row(auction[i], price[i]);
                        } else {
                            check += auction[i] + price[i];
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("no hand-written version of " + query.name());
        }
        return check;
    }

    @Override
    public String unsupported(final QueryDef q) {
        return switch (q.name()) {
            case "velo_select", "velo_groupby", "velo_tumble", "trades_ohlc", "nexmark_q0", "nexmark_q1", "nexmark_q2" -> null;
            default -> "no hand-written version";
        };
    }
}
