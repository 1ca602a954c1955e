package io.sluice.runtime.api;

import io.sluice.runtime.sink.RowView;

/**
 * Receives a query's results, one reused, read-only {@link RowView} at a time (typed getters by
 * index and by name, {@link RowView#op()} for changelog rows), on the thread that pushes rows. The
 * view is valid only during the call: copy what you keep ({@link RowView#copy()}).
 */
@FunctionalInterface
public interface ResultCallback {
    void onResult(RowView row);
}
