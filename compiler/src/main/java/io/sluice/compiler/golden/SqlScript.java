package io.sluice.compiler.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, skipping semicolons inside
 * {@code '...'} string literals, {@code "..."} and {@code `...`} quoted identifiers,
 * {@code --} line comments and {@code /* *}{@code /} block comments. Statements that are empty
 * or consist only of comments are dropped; the others are returned trimmed, comments kept.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code script}, in order, without their terminating semicolons. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == c) {
                        if (end + 1 < n && script.charAt(end + 1) == c) {
                            end += 2; // doubled quote inside the literal
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                current.append(script, i, end);
                hasCode = true;
                i = end;
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(current.toString().trim());
                }
                current.setLength(0);
                hasCode = false;
                i++;
            } else {
                current.append(c);
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        if (hasCode) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
