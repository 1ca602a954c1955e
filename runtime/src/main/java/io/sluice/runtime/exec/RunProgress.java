package io.sluice.runtime.exec;

/** Called by the source thread after each batch it reads; implementations decide when to report. */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (rowsRead, watermark, maxEventTime) -> {
    };

    void update(long rowsRead, long watermark, long maxEventTime);
}
