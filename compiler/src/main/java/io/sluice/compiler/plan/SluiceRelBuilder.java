package io.sluice.compiler.plan;

import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.tools.RelBuilder;

import java.util.function.UnaryOperator;

/**
 * The {@link RelBuilder} the planner converts SQL with. It keeps the relations a streaming kernel
 * needs where Calcite's would optimize them away because the input is known to be empty:
 *
 * <ul>
 *   <li>a relation filtered by a condition that is always false ({@code HAVING FALSE},
 *       {@code HAVING COUNT(*) IS NULL}) stays, under a FALSE filter, instead of becoming an empty
 *       VALUES without the table (the query would read no table);</li>
 *   <li>an aggregate stays an aggregate even when its input is known to be unique on the group keys
 *       (as under {@code WHERE FALSE}), instead of becoming a projection: a GROUP BY emits a changelog
 *       and accepts EMIT CHANGES whatever its WHERE.</li>
 * </ul>
 */
final class SluiceRelBuilder extends RelBuilder {
    private final Config config;

    SluiceRelBuilder(final RelOptCluster cluster, final RelOptSchema schema) {
        this(Config.DEFAULT.withAggregateUnique(true), cluster, schema);
    }

    private SluiceRelBuilder(final Config config, final RelOptCluster cluster, final RelOptSchema schema) {
        super(Contexts.of(config), cluster, schema);
        this.config = config;
    }

    @Override
    public RelBuilder empty() {
        final RelNode input = build();
        return push(LogicalFilter.create(input, getRexBuilder().makeLiteral(false)));
    }

    /** SqlToRelConverter transforms its builder's config: keep this class and its settings. */
    @Override
    public RelBuilder transform(final UnaryOperator<Config> transform) {
        return new SluiceRelBuilder(transform.apply(config).withAggregateUnique(true), getCluster(), getRelOptSchema());
    }
}
