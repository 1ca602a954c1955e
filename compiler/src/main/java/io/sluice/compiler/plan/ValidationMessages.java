package io.sluice.compiler.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes Calcite's validator messages short and plain for Sluice's users. */
final class ValidationMessages {
    private static final Pattern CANNOT_APPLY = Pattern.compile(
        "Cannot apply '(.+?)' to arguments of type '(.+?)'\\.(?: Supported form\\(s\\): '(.+?)')?.*");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Object '(.+?)' not found");

    private ValidationMessages() {
    }

    private static String plain(final String types) {
        return types.replaceAll("<([A-Za-z0-9_(), ]+)>", "$1").replaceAll("\\s+", " ").strip();
    }

    static String rewrite(final String message) {
        Matcher m = CANNOT_APPLY.matcher(message);
        if (m.matches()) {
            final String supported = m.group(3) == null ? "" : "; supported: " + plain(m.group(3));
            return "type mismatch: cannot apply '" + m.group(1) + "' to " + plain(m.group(2)) + supported;
        }
        m = TABLE_NOT_FOUND.matcher(message);
        if (m.matches()) {
            return "table '" + m.group(1) + "' not found (declare it with CREATE TABLE)";
        }
        return message;
    }
}
