package dev.researchvault.domain.blob;

/**
 * What a streamed upload may grow to, asked again as its bytes arrive, so an upload over it is refused as soon as
 * it is exceeded rather than once it has been read whole. One place decides (the file size limit today; a storage
 * quota can join it there).
 */
@FunctionalInterface
public interface UploadLimit {

    /**
     * Passes when an upload of {@code bytesSoFar} bytes is still allowed.
     *
     * @throws dev.researchvault.domain.LimitExceededException when it is not; the upload is then discarded
     */
    void check(long bytesSoFar);
}
