<#import "common.ftl" as common>
package ${package};

<@common.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

    private final ResultRow row = new ResultRow(OUTPUT);

    public ${className}(final KernelContext context) {
        super(context);
    }

    /** Filters and projects each row of the batch; every passing row is one result row. */
    @Override
    public void process(final ColumnBatch batch, final ResultSink out) {
        final int n = batch.rowCount();
<@common.columnVectors/>
        int i = 0;
        try {
            for (; i < n; i++) {
<@common.readRow/>
<@common.applyFilter/>
${projectCode}<#t>
<#list results as o>
<@common.setOutput o "                "/>
</#list>
                out.accept(row);
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
    }

    /** An append query holds no state: event time fires nothing. */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
    }

    @Override
    public void finish(final ResultSink out) {
    }
}
