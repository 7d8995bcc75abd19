package dev.researchvault.application.blob;

import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.blob.UploadLimit;

/**
 * The largest file (or thumbnail) a message or document may carry, in bytes: the one size check of every upload
 * path (a per-user quota belongs beside it). The use cases enforce it; HTTP adapters use it too, to refuse an
 * upload before decoding or copying it; a streamed upload asks it as its bytes arrive.
 */
public record FileSizeLimit(long maxBytes) implements UploadLimit {

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
    @Override
    public void check(long size) {
        if (size > maxBytes) {
            throw new LimitExceededException("file.too-large", "a file may have at most " + maxBytes + " bytes");
        }
    }
}
