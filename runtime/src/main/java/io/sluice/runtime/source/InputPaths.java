package io.sluice.runtime.source;

import io.sluice.runtime.cli.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table's declared {@code 'path'}: one file, or a glob ({@code *}, {@code ?}) in its last name
 * matching several (all read as one table, each file a source partition). {@code sluice run}
 * resolves it against the query file's folder, a compiled artifact against the working directory.
 */
public final class InputPaths {
    private InputPaths() {
    }

    /**
     * The declared path, or the names its glob matches, sorted, as paths relative to {@code dir};
     * empty when nothing exists.
     *
     * @throws UsageException when the folder exists but cannot be listed (the message names the path)
     */
    public static List<String> expand(final Path dir, final String declared) throws UsageException {
        if (declared.indexOf('*') < 0 && declared.indexOf('?') < 0) {
            return Files.isRegularFile(dir.resolve(declared)) ? List.of(declared) : List.of();
        }
        final Path pattern = Path.of(declared);
        final Path parent = pattern.getParent();
        final Path folder = parent == null ? dir : dir.resolve(parent);
        final PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + pattern.getFileName());
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()))
                .map(f -> (parent == null ? f.getFileName() : parent.resolve(f.getFileName())).toString())
                .sorted().toList();
        } catch (final NoSuchFileException e) {
            return List.of();
        } catch (final IOException e) {
            throw new UsageException("cannot list the folder of '" + declared + "': " + e.getMessage());
        }
    }
}
