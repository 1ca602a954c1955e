package io.sluice.compiler.cli;

import io.sluice.runtime.cli.RunCli;
import io.sluice.runtime.cli.UsageException;
import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.source.InputPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query file on disk: its text, compiled, and its input resolved. A table's {@code 'path'} is
 * relative to the query file's folder; {@code --input TABLE=PATH} overrides it (relative to the
 * working directory).
 */
public final class QueryFile {
    private final Path path;
    private final String displayName;
    private final String sql;

    private QueryFile(final Path path, final String displayName, final String sql) {
        this.path = path;
        this.displayName = displayName;
        this.sql = sql;
    }

    /** Reads the query file; a missing or unreadable file is a usage error. */
    public static QueryFile read(final Path path, final String displayName) throws UsageException {
        if (!Files.isRegularFile(path)) {
            throw new UsageException(displayName + ": query file not found");
        }
        try {
            return new QueryFile(path, displayName, Files.readString(path, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UsageException(displayName + ": cannot read query file: " + e.getMessage());
        }
    }

    public String sql() {
        return sql;
    }

    public String displayName() {
        return displayName;
    }

    /** Compiles the query with the default options; errors carry the file name and position. */
    public CompiledQuery compile() throws UsageException {
        return compile(CompileOptions.DEFAULT);
    }

    /** Compiles the query; errors carry the file name and position. */
    public CompiledQuery compile(final CompileOptions options) throws UsageException {
        try {
            return SluiceCompiler.compile(sql, options);
        } catch (final CompileException e) {
            throw new UsageException(e.format(displayName));
        }
    }

    /** Plans and generates without compiling, for explain. */
    public CompiledQuery generate(final CompileOptions options) throws UsageException {
        try {
            return SluiceCompiler.generateOnly(sql, options);
        } catch (final CompileException e) {
            throw new UsageException(e.format(displayName));
        }
    }

    /**
     * Where the query's table is read from: the {@code --input TABLE=PATH} values for it (several
     * make several source partitions), else the table's {@code 'path'}, relative to the query
     * file's folder, where {@code *} and {@code ?} match file names (matches are read in name order).
     */
    public SourceSpec source(final CompiledQuery query, final List<String> inputs) throws UsageException {
        final TableDefinition table = query.plan().table();
        final List<Path> files = new ArrayList<>();
        final List<String> shown = new ArrayList<>();
        for (final String[] input : RunCli.inputFiles(table.name(), inputs)) {
            files.add(Path.of(input[0]));
            shown.add(input[1]);
        }
        if (files.isEmpty()) {
            final String declared = table.path();
            if (declared == null) {
                throw new UsageException(displayName + ":" + table.line() + ":" + table.column() + ": table '"
                    + table.name() + "' has no input: add 'path' = '...' to its WITH clause or pass --input "
                    + table.name().toLowerCase(Locale.ROOT) + "=PATH");
            }
            final Path dir = path.toAbsolutePath().getParent();
            final Path shownDir = Path.of(displayName).getParent();
            for (final String file : InputPaths.expand(dir, declared)) {
                files.add(dir.resolve(file));
                shown.add(shownDir == null ? file : shownDir.resolve(file).toString());
            }
            if (files.isEmpty()) {
                throw new DataException(displayName + ":" + table.pathLine() + ":" + table.pathColumn(),
                    "input file '" + declared + "' not found (a table's 'path' is relative to the query file's folder)");
            }
        }
        return new SourceSpec(table.name(), table.schema(), files, shown, table.eventTimeColumn(),
            table.watermarkDelayMillis());
    }

}
