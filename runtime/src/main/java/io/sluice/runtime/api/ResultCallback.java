package io.sluice.runtime.api;

import io.sluice.runtime.sink.ResultRow;

/**
 * Receives a query's results, one reused, read-only {@link ResultRow} view at a time (typed getters
 * by index and by name, {@link ResultRow#kind()} for changelog rows). The view is valid only during
 * the call: copy what you keep ({@link ResultRow#copy()} makes an independent row).
 */
@FunctionalInterface
public interface ResultCallback {
    void onResult(ResultRow row);
}
