package dev.researchvault.application.chat;

import dev.researchvault.domain.LimitExceededException;

/**
 * The largest file (or thumbnail) a message may carry, in bytes. The use case enforces it; HTTP adapters
 * use it too, to refuse an upload before decoding or copying it.
 */
public record FileSizeLimit(long maxBytes) {

    /** 25 MiB, the default of API.md. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    public FileSizeLimit {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a size limit is zero or more");
        }
    }

    /**
     * @throws LimitExceededException {@code file.too-large} (413) when {@code size} is above the limit
     */
    public void check(long size) {
        if (size > maxBytes) {
            throw new LimitExceededException("file.too-large", "a file may have at most " + maxBytes + " bytes");
        }
    }
}
