package io.sluice.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t AS SELECT 'a;b' AS s, "x;y" AS q;
                /* block; comment */
                ;
                SELECT * FROM t -- trailing; comment
                """;

        assertThat(SqlScript.split(script)).containsExactly(
                "-- a comment; with a semicolon\nCREATE TABLE t AS SELECT 'a;b' AS s, \"x;y\" AS q",
                "SELECT * FROM t -- trailing; comment");
    }

    @Test
    void doubledQuotesStayInsideTheLiteral() {
        assertThat(SqlScript.split("SELECT 'it''s; fine'; SELECT 2"))
                .containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    }
}
