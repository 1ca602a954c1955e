package io.sluice.runtime.expr;

/**
 * Values and expressions quoted in error messages, which are one line: control characters are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u0001}), and a value longer than
 * {@value #MAX_CHARS} characters is cut, ending in {@code ...}.
 */
public final class MessageText {
    /** The longest value shown whole. */
    public static final int MAX_CHARS = 60;

    private MessageText() {
    }

    /** {@code value} for a message: cut when long, on one line. */
    public static String value(final String value) {
        String s = value;
        if (s.length() > MAX_CHARS) {
            int end = MAX_CHARS - 3;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end) + "...";
        }
        return escape(s);
    }

    /** {@code text} with its control characters escaped, whatever its length. */
    public static String escape(final String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
