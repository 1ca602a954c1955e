package io.sluice.runtime.cli;

import io.sluice.runtime.api.ArtifactException;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.QueryPlan;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.source.InputPaths;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of a runnable artifact ({@code sluice compile QUERY.sql -o query.jar}):
 * {@code java -jar query.jar [--input TABLE=PATH] [--output PATH] [--partitions N] ...} runs the
 * query compiled into the jar exactly as {@code sluice run} would, with the runtime alone. A table's
 * declared {@code 'path'} is read relative to the working directory.
 */
@Command(name = "query.jar", mixinStandardHelpOptions = true, versionProvider = ArtifactMain.Version.class,
    description = "Run the Sluice query compiled into this jar; results go to --output or stdout, a summary to stderr.")
public final class ArtifactMain extends RunCli {

    public static void main(final String[] args) {
        System.exit(Cli.execute(new ArtifactMain(), args, new PrintWriter(System.out, true),
            new PrintWriter(System.err, true)));
    }

    @Override
    protected Prepared prepare() throws UsageException {
        final CompiledQuery query;
        try {
            query = CompiledQuery.loadFromClassPath();
        } catch (final ArtifactException e) {
            throw new UsageException(e.getMessage());
        }
        final QueryPlan plan = query.plan();
        final List<Path> paths = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final String[] file : inputFiles(plan.table(), inputs)) {
            paths.add(Path.of(file[0]));
            names.add(file[1]);
        }
        if (paths.isEmpty()) {
            if (plan.paths().isEmpty()) {
                throw new UsageException("query.jar: table '" + plan.table() + "' has no declared path: pass --input "
                    + plan.table() + "=PATH");
            }
            for (final String declared : plan.paths()) {
                final List<String> matched = InputPaths.expand(Path.of(""), declared);
                if (matched.isEmpty()) {
                    throw new DataException(declared, "input file not found (a table's declared path is read "
                        + "relative to the working directory; pass --input " + plan.table() + "=PATH)");
                }
                for (final String file : matched) {
                    paths.add(Path.of(file));
                    names.add(file);
                }
            }
        }
        return new Prepared(plan, query.kernels(), new SourceSpec(plan.table(), plan.input(), paths, names,
            plan.eventTimeColumn(), plan.delayMillis()));
    }

    /** The query this artifact runs, as its version. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            final QueryPlan plan = CompiledQuery.loadFromClassPath().plan();
            return new String[] {"Sluice query artifact (" + QueryPlan.FORMAT + "), kernel " + plan.kernelClass(),
                io.sluice.runtime.simd.VectorSupport.describe(), plan.sql()};
        }
    }
}
