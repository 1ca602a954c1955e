package io.sluice.runtime.api;

/** A file that cannot be loaded as a compiled query: missing, not a jar, not Sluice's, or corrupt. */
public final class ArtifactException extends Exception {
    public ArtifactException(final String message) {
        super(message, null, false, false);
    }
}
