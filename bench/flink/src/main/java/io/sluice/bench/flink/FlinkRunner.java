package io.sluice.bench.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Runs one SQL query on Apache Flink for the comparison harness, in its own JVM: starts a local
 * MiniCluster once (2 slots), then, over the same cluster,
 * <ol>
 *   <li>runs the query once collecting its result to the client, applies the changelog
 *       (+I/+U add a row, -U/-D remove one) and writes the final table as CSV to {@code --result};</li>
 *   <li>runs it {@code --warmup} times, then {@code --reps} times, into a blackhole sink (as the
 *       Nexmark benchmark does), printing {@code time_ns=N} for each timed run: the wall time from
 *       submitting the job to its end, job deployment on the running cluster included.</li>
 * </ol>
 * Arguments: {@code --warmup W --reps R}, then for each job {@code --job NAME --sql FILE
 * --parallelism P --result FILE} (the SQL file: CREATE TABLE statements, then one SELECT,
 * separated by ';'). Jobs run one after the other in this JVM; output lines start with the job's name.
 * Streaming mode, with the Nexmark benchmark's mini-batch settings (enabled, 2 s, 5000 rows).
 */
public final class FlinkRunner {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private FlinkRunner() {
    }

    /** One query to run at one parallelism. */
    private record Job(String name, String sql, int parallelism, Path result) {
    }

    public static void main(final String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        int warmup = 1;
        int reps = 3;
        final List<Job> jobs = new ArrayList<>();
        String name = null;
        String sqlFile = null;
        int parallelism = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            final String v = args[i + 1];
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--reps" -> reps = Integer.parseInt(v);
                case "--job" -> name = v;
                case "--sql" -> sqlFile = v;
                case "--parallelism" -> parallelism = Integer.parseInt(v);
                case "--result" -> {
                    jobs.add(new Job(name, Files.readString(Path.of(sqlFile), StandardCharsets.UTF_8), parallelism,
                        Path.of(v)));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final PrintStream out = System.out;
        final Configuration cluster = new Configuration();
        cluster.set(RestOptions.BIND_PORT, "0");
        cluster.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        final MiniCluster mini = new MiniCluster(new MiniClusterConfiguration.Builder()
            .setConfiguration(cluster).setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        mini.start();
        int failures = 0;
        try {
            final int port = mini.getRestAddress().get().getPort();
            for (final Job job : jobs) {
                try {
                    run(job, port, warmup, reps, out);
                } catch (final Exception e) {
                    failures++;
                    out.println(job.name() + " error=" + String.valueOf(e).replace('\n', ' '));
                    e.printStackTrace();
                }
            }
        } finally {
            mini.close();
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static void run(final Job job, final int port, final int warmup, final int reps, final PrintStream out)
        throws Exception {
        final List<String> statements = split(job.sql());
        final String query = statements.get(statements.size() - 1);
        final long c0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(job.result(), StandardCharsets.UTF_8)) {
            final TableEnvironment env = environment(port, job.parallelism(), statements);
            final Table table = env.sqlQuery(query);
            final List<String> names = table.getResolvedSchema().getColumnNames();
            w.write(String.join(",", names));
            w.write('\n');
            final TableResult r = table.execute();
            final Map<List<Object>, Integer> rows = new HashMap<>();
            try (CloseableIterator<Row> it = r.collect()) {
                while (it.hasNext()) {
                    final Row row = it.next();
                    final List<Object> key = new ArrayList<>(row.getArity());
                    for (int i = 0; i < row.getArity(); i++) {
                        key.add(row.getField(i));
                    }
                    final RowKind kind = row.getKind();
                    if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                        rows.merge(key, 1, Integer::sum);
                    } else if (rows.merge(key, -1, Integer::sum) < 0) {
                        throw new IllegalStateException("changelog removes a row it never added: " + kind + " " + key);
                    }
                }
            }
            for (final Map.Entry<List<Object>, Integer> e : rows.entrySet()) {
                for (int n = 0; n < e.getValue(); n++) {
                    w.write(csv(e.getKey()));
                    w.write('\n');
                }
            }
        }
        out.println(job.name() + " check_ns=" + (System.nanoTime() - c0));
        out.flush();
        for (int i = 0; i < warmup + reps; i++) {
            final TableEnvironment env = environment(port, job.parallelism(), statements);
            final Table table = env.sqlQuery(query);
            env.createTemporaryTable("sluice_bench_sink", TableDescriptor.forConnector("blackhole")
                .schema(Schema.newBuilder().fromResolvedSchema(table.getResolvedSchema()).build()).build());
            final long t0 = System.nanoTime();
            table.executeInsert("sluice_bench_sink").await();
            final long t = System.nanoTime() - t0;
            out.println(job.name() + (i < warmup ? " warmup_ns=" : " time_ns=") + t);
            out.flush();
        }
    }

    private static TableEnvironment environment(final int port, final int parallelism, final List<String> statements) {
        final Configuration conf = new Configuration();
        conf.setString("execution.target", "remote");
        conf.setString("rest.address", "localhost");
        conf.setString("rest.port", Integer.toString(port));
        conf.setString("parallelism.default", Integer.toString(parallelism));
        conf.setString("table.exec.mini-batch.enabled", "true");
        conf.setString("table.exec.mini-batch.allow-latency", "2s");
        conf.setString("table.exec.mini-batch.size", "5000");
        conf.setString("table.local-time-zone", "UTC");
        final TableEnvironment env = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
            .withConfiguration(conf).build());
        for (int i = 0; i < statements.size() - 1; i++) {
            env.executeSql(statements.get(i));
        }
        return env;
    }

    private static List<String> split(final String sql) {
        final List<String> out = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        for (final String line : sql.split("\n")) {
            final String t = line.strip();
            if (!t.startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        for (final String s : text.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String csv(final List<Object> row) {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            final Object v = row.get(i);
            if (v == null) {
                continue;
            }
            if (v instanceof LocalDateTime t) {
                b.append(TS.format(t));
            } else if (v instanceof String s) {
                if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                    b.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(s);
                }
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

}
