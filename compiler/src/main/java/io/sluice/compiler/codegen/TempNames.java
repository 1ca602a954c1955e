package io.sluice.compiler.codegen;

/** Hands out the names of generated temporaries ({@code t1}, {@code t2}, ...), unique per kernel method. */
public final class TempNames {
    private int next;

    public String next() {
        return "t" + ++next;
    }
}
