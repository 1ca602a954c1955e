package io.sluice.compiler.cli;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.exec.SourceSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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

    /** Compiles the query; errors carry the file name and position. */
    public CompiledQuery compile() throws UsageException {
        try {
            return SluiceCompiler.compile(sql);
        } catch (final CompileException e) {
            throw new UsageException(e.format(displayName));
        }
    }

    /** Plans and generates without compiling, for explain. */
    public CompiledQuery generate() throws UsageException {
        try {
            return SluiceCompiler.generateOnly(sql);
        } catch (final CompileException e) {
            throw new UsageException(e.format(displayName));
        }
    }

    /** Where the query's table is read from. */
    public SourceSpec source(final CompiledQuery query, final Map<String, Path> inputs) throws UsageException {
        final TableDefinition table = query.plan().table();
        for (final String name : inputs.keySet()) {
            if (!name.equalsIgnoreCase(table.name())) {
                throw new UsageException("--input " + name + "=...: the query reads no table '" + name
                    + "' (it reads '" + table.name() + "')");
            }
        }
        Path file = null;
        String shown = null;
        for (final Map.Entry<String, Path> e : inputs.entrySet()) {
            file = e.getValue();
            shown = e.getValue().toString();
        }
        if (file == null) {
            final String declared = table.path();
            if (declared == null) {
                throw new UsageException(displayName + ":" + table.line() + ":" + table.column() + ": table '"
                    + table.name() + "' has no input: add 'path' = '...' to its WITH clause or pass --input "
                    + table.name().toLowerCase(Locale.ROOT) + "=PATH");
            }
            final Path dir = path.toAbsolutePath().getParent();
            file = dir.resolve(declared);
            if (!Files.isRegularFile(file)) {
                throw new DataException(displayName + ":" + table.pathLine() + ":" + table.pathColumn(),
                    "input file '" + declared + "' not found (a table's 'path' is relative to the query file's folder)");
            }
            shown = declared;
            final Path relative = Path.of(displayName).getParent();
            if (relative != null) {
                shown = relative.resolve(declared).toString();
            }
        }
        return new SourceSpec(table.name(), table.schema(), file, shown, table.eventTimeColumn(),
            table.watermarkDelayMillis());
    }
}
