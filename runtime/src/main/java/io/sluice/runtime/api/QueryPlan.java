package io.sluice.runtime.api;

import io.sluice.runtime.exec.RoutingSpec;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Everything the runtime needs to run a compiled query besides its kernel classes: the input
 * table, the result columns, how rows are routed, the late policy and the kernel's class name.
 * It is what a runnable artifact stores (as properties, {@link #toProperties()}) next to the
 * kernel's bytecode.
 *
 * @param sql             the query text it was compiled from
 * @param table           the input table's name
 * @param input           the input table's columns
 * @param eventTimeColumn the WATERMARK column, or -1
 * @param delayMillis     the WATERMARK delay
 * @param paths           the table's declared {@code 'path'} (empty without one)
 * @param output          the result columns
 * @param changelog       whether results are a changelog ({@code op} column)
 * @param routing         how rows are spread over partitions
 * @param latePolicy      the late-data policy the query declares
 * @param kernelClass     the generated kernel's binary class name
 */
public record QueryPlan(String sql, String table, Schema input, int eventTimeColumn, long delayMillis,
                        List<String> paths, Schema output, boolean changelog, RoutingSpec routing,
                        LatePolicy latePolicy, String kernelClass) {
    /** Version of the stored form; an artifact written by another version is refused with a message. */
    public static final String FORMAT = "sluice-plan-1";

    public QueryPlan {
        paths = List.copyOf(paths);
    }

    /** The plan as properties text. */
    public String toProperties() {
        final Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("sql", sql);
        p.setProperty("table", table);
        p.setProperty("input", columns(input));
        p.setProperty("event-time-column", Integer.toString(eventTimeColumn));
        p.setProperty("watermark-delay-ms", Long.toString(delayMillis));
        p.setProperty("paths", String.join("\n", paths));
        p.setProperty("output", columns(output));
        p.setProperty("changelog", Boolean.toString(changelog));
        p.setProperty("routing", routing.mode().name());
        p.setProperty("routing-columns", Arrays.toString(routing.columns()).replaceAll("[\\[\\] ]", ""));
        p.setProperty("late-policy", latePolicy.kind().name());
        p.setProperty("allowed-lateness-ms", Long.toString(latePolicy.allowedLatenessMillis()));
        p.setProperty("kernel-class", kernelClass);
        final StringWriter out = new StringWriter();
        try {
            p.store(out, "Sluice query plan");
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Reads a plan written by {@link #toProperties()}.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not such a plan
     */
    public static QueryPlan fromProperties(final String text) {
        final Properties p = new Properties();
        try (Reader in = new StringReader(text)) {
            p.load(in);
        } catch (final IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Sluice query plan: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("not a Sluice query plan of format " + FORMAT + " (found "
                + p.getProperty("format") + ")");
        }
        try {
            final String paths = p.getProperty("paths", "");
            final String routingColumns = p.getProperty("routing-columns", "");
            return new QueryPlan(req(p, "sql"), req(p, "table"), schema(req(p, "input")),
                Integer.parseInt(req(p, "event-time-column")), Long.parseLong(req(p, "watermark-delay-ms")),
                paths.isEmpty() ? List.of() : List.of(paths.split("\n")), schema(req(p, "output")),
                Boolean.parseBoolean(req(p, "changelog")),
                new RoutingSpec(RoutingSpec.Mode.valueOf(req(p, "routing")), routingColumns.isEmpty() ? new int[0]
                    : Arrays.stream(routingColumns.split(",")).mapToInt(Integer::parseInt).toArray()),
                new LatePolicy(LatePolicy.Kind.valueOf(req(p, "late-policy")),
                    Long.parseLong(req(p, "allowed-lateness-ms"))),
                req(p, "kernel-class"));
        } catch (final RuntimeException e) {
            throw new IllegalArgumentException("corrupt Sluice query plan: " + e.getMessage());
        }
    }

    private static String req(final Properties p, final String key) {
        final String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    /** {@code name:TYPE:nullable} per column, one per line. */
    private static String columns(final Schema schema) {
        final StringBuilder sb = new StringBuilder();
        for (final Column c : schema.columns()) {
            sb.append(sb.isEmpty() ? "" : "\n").append(c.type().name()).append(':').append(c.nullable()).append(':')
                .append(c.name());
        }
        return sb.toString();
    }

    private static Schema schema(final String text) {
        final List<Column> columns = new ArrayList<>();
        for (final String line : text.split("\n")) {
            final String[] parts = line.split(":", 3);
            columns.add(new Column(parts[2], SqlType.valueOf(parts[0]), Boolean.parseBoolean(parts[1])));
        }
        return new Schema(columns);
    }
}
