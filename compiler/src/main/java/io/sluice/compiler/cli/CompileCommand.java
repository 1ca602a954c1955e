package io.sluice.compiler.cli;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.artifact.ArtifactWriter;
import io.sluice.runtime.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sluice compile QUERY.sql -o query.jar}: a self-contained runnable jar of the query. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Compile a query into a self-contained runnable jar: java -jar query.jar [--input TABLE=PATH] "
        + "[--output PATH] [--partitions N] runs it like 'sluice run', with no compiler on the class path.")
public final class CompileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY.sql", description = "CREATE TABLE statement(s) and one query")
    Path query;

    @Mixin
    CompileFlags compileFlags;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", required = true, description = "the jar to write")
    Path jar;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final CompiledQuery compiled = QueryFile.read(query, query.toString()).compile(compileFlags.options());
        final ArtifactWriter.Written written;
        try {
            written = ArtifactWriter.write(compiled, jar);
        } catch (final IOException e) {
            throw new UsageException("sluice compile: cannot write " + jar + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
            "sluice: wrote %s (%d entries, %,d KiB; kernel %s). Run it with: java -jar %s --help (add --add-modules jdk.incubator.vector before -jar for the SIMD kernels)",
            written.path(), written.entries(), written.bytes() / 1024, compiled.kernel().className(), written.path()));
        return 0;
    }
}
