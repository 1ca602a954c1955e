package io.sluice.bench.compare;

import io.sluice.compiler.gen.GenOptions;
import io.sluice.compiler.gen.Generators;
import io.sluice.compiler.gen.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tables the queries read: which generator makes them, where, and their columns. */
enum Workloads {
    STREAM("stream", Workload.STREAM, "stream.csv", List.of("group_id", "value", "ts"),
        List.of(Kind.LONG, Kind.DOUBLE, Kind.TIMESTAMP)),
    TRADES("trades", Workload.TRADES, "trades.csv", List.of("symbol", "price", "qty", "ts"),
        List.of(Kind.STRING, Kind.DOUBLE, Kind.LONG, Kind.TIMESTAMP)),
    BID("bid", Workload.NEXMARK, "nexmark/bid.csv", List.of("auction", "bidder", "price", "dateTime", "extra"),
        List.of(Kind.LONG, Kind.LONG, Kind.LONG, Kind.TIMESTAMP, Kind.STRING));

    final String table;
    final Workload generator;
    final String file;
    final List<String> names;
    final List<Kind> kinds;

    Workloads(final String table, final Workload generator, final String file, final List<String> names,
              final List<Kind> kinds) {
        this.table = table;
        this.generator = generator;
        this.file = file;
        this.names = names;
        this.kinds = kinds;
    }

    /** The folder of one generated data set: rows and seed in its name, so a change regenerates it. */
    static Path folder(final Path dataRoot, final long rows, final long seed) {
        return dataRoot.resolve("rows-" + rows + "-seed-" + seed);
    }

    /** The CSV of this table in {@code folder}, generated (with the generator's defaults) when missing. */
    Path csv(final Path folder, final long rows, final long seed) throws IOException {
        final Path csv = folder.resolve(file);
        final Path done = folder.resolve(generator.cliName() + ".done");
        if (!Files.exists(done)) {
            Files.createDirectories(folder);
            final Path out = generator == Workload.NEXMARK ? folder.resolve("nexmark") : csv;
            final Generators.Result r = Generators.generate(generator, out, GenOptions.defaults(generator, rows, seed));
            System.err.printf("compare: generated %s: %,d rows in %.2f s (%,.0f rows/s)%n", generator.cliName(),
                r.rows(), r.nanos() / 1e9, r.rowsPerSecond());
            Files.writeString(done, "sluice gen " + generator.cliName() + " --rows " + rows + " --seed " + seed + "\n");
        }
        return csv;
    }

    /** The same rows without the header row (Flink's CSV format has no option to skip one). */
    Path headerless(final Path folder, final long rows, final long seed) throws IOException {
        final Path csv = csv(folder, rows, seed);
        final Path out = folder.resolve("headerless").resolve(file.replace('/', '-'));
        if (!Files.exists(out)) {
            Files.createDirectories(out.getParent());
            try (var in = Files.newInputStream(csv); var o = Files.newOutputStream(out)) {
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    // skip the header
                }
                in.transferTo(o);
            }
        }
        return out;
    }
}
