package io.sluice.compiler.plan;

import io.sluice.runtime.kernel.LatePolicy;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table options that choose what a windowed query does with late rows (see README, "Late
 * data"): {@code 'late.policy'} = {@code 'drop'} (default), {@code 'side-output'},
 * {@code 'next-window'} or {@code 'allowed-lateness'}, and with the last {@code
 * 'late.allowed-lateness'} = a duration such as {@code '30s'}.
 */
public final class LateOptions {
    /** Option naming the policy. */
    public static final String POLICY = "late.policy";
    /** Option giving how long a fired window accepts late rows, for {@code 'allowed-lateness'}. */
    public static final String ALLOWED_LATENESS = "late.allowed-lateness";

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d{1,12})\\s*(ms|s|m|min|h|d)\\s*",
        Pattern.CASE_INSENSITIVE);

    private LateOptions() {
    }

    /** Why {@code options} (keys lower-cased) do not give a policy, or null when they do. */
    static String problem(final Map<String, String> options) {
        final String policy = options.get(POLICY);
        final String lateness = options.get(ALLOWED_LATENESS);
        if (policy != null && kind(policy) == null) {
            return "unknown late policy '" + policy
                + "' (known: 'drop', 'side-output', 'next-window', 'allowed-lateness')";
        }
        final boolean allowed = policy != null && kind(policy) == LatePolicy.Kind.ALLOWED_LATENESS;
        if (allowed && lateness == null) {
            return "'late.policy' = 'allowed-lateness' needs 'late.allowed-lateness' (a duration such as '30s')";
        }
        if (!allowed && lateness != null) {
            return "'late.allowed-lateness' applies only with 'late.policy' = 'allowed-lateness'";
        }
        if (lateness != null && millis(lateness) < 0) {
            return "'late.allowed-lateness' must be a duration such as '500ms', '30s', '5m', '2h' or '1d', not '"
                + lateness + "'";
        }
        return null;
    }

    /** The policy the (valid) options give; DROP without a 'late.policy'. */
    public static LatePolicy policy(final Map<String, String> options) {
        final String policy = options.get(POLICY);
        if (policy == null) {
            return LatePolicy.DROP;
        }
        final LatePolicy.Kind kind = kind(policy);
        return new LatePolicy(kind, kind == LatePolicy.Kind.ALLOWED_LATENESS ? millis(options.get(ALLOWED_LATENESS)) : 0);
    }

    /** The option value naming {@code kind}, as written in a WITH clause. */
    public static String name(final LatePolicy.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static LatePolicy.Kind kind(final String value) {
        for (final LatePolicy.Kind k : LatePolicy.Kind.values()) {
            if (name(k).equalsIgnoreCase(value.strip())) {
                return k;
            }
        }
        return null;
    }

    /** Milliseconds of a duration like '30s', or -1. */
    static long millis(final String value) {
        final Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            return -1;
        }
        final long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> n;
            case "s" -> n * 1000L;
            case "m", "min" -> n * 60_000L;
            case "h" -> n * 3_600_000L;
            default -> n * 86_400_000L;
        };
    }
}
