package io.sluice.compiler.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the golden query corpus ({@code test-corpus/} at the repository root) and its cases.
 * A case is a sub-folder holding a {@code query.sql}; see test-corpus/README.md for its files.
 */
public final class GoldenCorpus {

    /** Name of the corpus folder at the repository root. */
    public static final String FOLDER = "test-corpus";
    /** The query of a case. */
    public static final String QUERY = "query.sql";
    /** The expected output of a case that succeeds. */
    public static final String EXPECTED = "expected.csv";
    /** The expected one-line error of a case that fails. */
    public static final String EXPECTED_ERROR = "expected-error.txt";
    /** The optional DuckDB version of a case's query. */
    public static final String DUCKDB = "duckdb.sql";

    private GoldenCorpus() {
    }

    /**
     * Locates the corpus: {@code ../test-corpus} relative to the working directory (a module
     * directory, as under Maven), otherwise the first {@code test-corpus} found walking up from
     * the working directory.
     *
     * @throws IllegalStateException if there is none
     */
    public static Path locate() {
        Path cwd = Path.of("").toAbsolutePath();
        Path sibling = cwd.resolveSibling(FOLDER);
        if (Files.isDirectory(sibling)) {
            return sibling.normalize();
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("no " + FOLDER + "/ folder at or above " + cwd);
    }

    /** The case folders of the corpus at {@code root} (sub-folders with a query.sql), sorted by name. */
    public static List<Path> cases(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .filter(p -> Files.isRegularFile(p.resolve(QUERY)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
