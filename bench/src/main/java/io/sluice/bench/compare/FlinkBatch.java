package io.sluice.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Apache Flink SQL in a local MiniCluster, in its own JVM (bench/flink's FlinkRunner, with Flink's
 * usual --add-opens list): every selected (query, parallelism) job runs one after the other in that
 * one JVM, reading the generated CSV (without its header: Flink's CSV format cannot skip one). Each
 * job first collects its result to the client (compared with Sluice's, as every engine's), then is
 * timed into a blackhole sink.
 */
final class FlinkBatch {
    /** Flink's usual JVM options on JDK 17+ (flink-conf's env.java.opts.all), plus the RMI export. */
    static final List<String> JVM_FLAGS = List.of(
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.text=ALL-UNNAMED",
        "--add-opens=java.base/java.time=ALL-UNNAMED",
        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow");

    /** One job's outcome. */
    static final class Job {
        final QueryDef query;
        final int parallelism;
        final Path sql;
        final Path result;
        final List<Long> times = new ArrayList<>();
        final List<Long> warmups = new ArrayList<>();
        long checkNanos;
        String error;

        Job(final QueryDef query, final int parallelism, final Path sql, final Path result) {
            this.query = query;
            this.parallelism = parallelism;
            this.sql = sql;
            this.result = result;
        }

        String id() {
            return "flink-csv-p" + parallelism;
        }

        String name() {
            return query.name() + "/" + id();
        }
    }

    static String label(final int parallelism) {
        return "Flink 2.3.0 SQL, MiniCluster, parallelism " + parallelism;
    }

    /** Runs the jobs; returns them keyed by name ("query/engine"). Never throws for a failing job: its error is kept. */
    static Map<String, Job> run(final List<Job> jobs, final Path flinkTarget, final Path log, final int warmup,
                                final int reps) throws IOException, InterruptedException {
        final Map<String, Job> byName = new LinkedHashMap<>();
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-Xmx4g");
        cmd.add("-Duser.timezone=UTC");
        cmd.add("-cp");
        cmd.add(flinkTarget.resolve("sluice-bench-flink.jar") + java.io.File.pathSeparator + flinkTarget.resolve("lib") + "/*");
        cmd.add("io.sluice.bench.flink.FlinkRunner");
        cmd.add("--warmup");
        cmd.add(Integer.toString(warmup));
        cmd.add("--reps");
        cmd.add(Integer.toString(reps));
        for (final Job j : jobs) {
            byName.put(j.name(), j);
            cmd.add("--job");
            cmd.add(j.name());
            cmd.add("--sql");
            cmd.add(j.sql.toString());
            cmd.add("--parallelism");
            cmd.add(Integer.toString(j.parallelism));
            cmd.add("--result");
            cmd.add(j.result.toString());
        }
        if (jobs.isEmpty()) {
            return byName;
        }
        System.err.println("compare: Flink: " + jobs.size() + " jobs in one JVM (stderr in " + log + ")");
        final Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        // if the harness is stopped, the Flink JVM goes with it
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                final int space = line.indexOf(' ');
                final int eq = line.indexOf('=');
                if (space < 0 || eq < space) {
                    continue;
                }
                final Job j = byName.get(line.substring(0, space));
                if (j == null) {
                    continue;
                }
                final String key = line.substring(space + 1, eq);
                final String value = line.substring(eq + 1);
                switch (key) {
                    case "check_ns" -> j.checkNanos = Long.parseLong(value);
                    case "warmup_ns" -> j.warmups.add(Long.parseLong(value));
                    case "time_ns" -> j.times.add(Long.parseLong(value));
                    case "error" -> j.error = value;
                    default -> {
                    }
                }
                System.err.println("compare: Flink " + line);
            }
        }
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        for (final Job j : jobs) {
            if (j.error == null && j.times.size() < reps) {
                j.error = "Flink JVM ended (exit " + p.exitValue() + ") before the job finished; see " + log;
            }
        }
        return byName;
    }

    /** Writes the job's Flink SQL with the CSV path filled in. */
    static Path sqlFile(final QueryDef q, final Path headerlessCsv, final Path dir) throws IOException {
        final Path f = dir.resolve(q.name() + "-flink.sql");
        Files.writeString(f, q.flinkSql().replace("${path}", headerlessCsv.toString()), StandardCharsets.UTF_8);
        return f;
    }
}
