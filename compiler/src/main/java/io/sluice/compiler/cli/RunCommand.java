package io.sluice.compiler.cli;

import io.sluice.compiler.CompiledQuery;
import io.sluice.runtime.cli.RunCli;
import io.sluice.runtime.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code sluice run QUERY.sql}: compiles the query, then runs it with the runtime's run command
 * line ({@link RunCli}, the same one a runnable artifact has).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Compile a query and run it over its input; results go to --output or stdout, a summary to stderr.")
public final class RunCommand extends RunCli {
    @Parameters(index = "0", paramLabel = "QUERY.sql", description = "CREATE TABLE statement(s) and one query")
    Path query;

    @Mixin
    CompileFlags compileFlags;

    @Override
    protected Prepared prepare() throws UsageException {
        final QueryFile file = QueryFile.read(query, query.toString());
        final CompiledQuery compiled = file.compile(compileFlags.options());
        return new Prepared(compiled.queryPlan(), compiled.kernels(), file.source(compiled, inputs));
    }
}
