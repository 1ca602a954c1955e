package io.sluice.compiler.plan;

import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.tools.RelBuilder;

import java.util.function.UnaryOperator;

/**
 * Calcite's {@link RelBuilder} replaces a relation filtered by a condition that is always false
 * (say {@code HAVING FALSE}, or {@code HAVING COUNT(*) IS NULL}) with an empty VALUES, dropping the
 * table scan: the query would then read no table, which a streaming kernel cannot run. This
 * builder keeps the relation and filters it with FALSE instead: the query reads its input and emits
 * nothing.
 */
final class KeepTableRelBuilder extends RelBuilder {
    private final Config config;

    KeepTableRelBuilder(final RelOptCluster cluster, final RelOptSchema schema) {
        this(Config.DEFAULT, cluster, schema);
    }

    private KeepTableRelBuilder(final Config config, final RelOptCluster cluster, final RelOptSchema schema) {
        super(Contexts.of(config), cluster, schema);
        this.config = config;
    }

    @Override
    public RelBuilder empty() {
        final RelNode input = build();
        return push(LogicalFilter.create(input, getRexBuilder().makeLiteral(false)));
    }

    /** SqlToRelConverter transforms its builder's config: keep this class. */
    @Override
    public RelBuilder transform(final UnaryOperator<Config> transform) {
        return new KeepTableRelBuilder(transform.apply(config), getCluster(), getRelOptSchema());
    }
}
