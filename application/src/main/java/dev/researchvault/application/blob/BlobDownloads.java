package dev.researchvault.application.blob;

import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import java.util.Optional;

/**
 * The download of a stored blob, the same for every owner of blobs (message files, documents): 304 when
 * {@code If-None-Match} names the stored digest, answered from the metadata alone; otherwise the bytes as a stream.
 */
public final class BlobDownloads {

    private BlobDownloads() {
    }

    /**
     * The download of the blob under {@code key}, whose metadata {@code info} was just read; call inside the vault
     * scope. Empty when the blob was deleted between that read and this one (its owner was deleted meanwhile): the
     * caller answers as if it had never been there.
     */
    public static Optional<FileDownload> of(BlobStore blobs, BlobKey key, BlobInfo info, String ifNoneMatch) {
        String etag = BlobETags.of(info);
        if (BlobETags.noneMatchHits(ifNoneMatch, etag)) {
            return Optional.of(new FileDownload.NotModified(etag));
        }
        return blobs.openStream(key).map(open -> new FileDownload.Content(open.info().mime(), open.info().size(),
                BlobETags.of(open.info()), open.content()));
    }

    /** The download of the blob under {@code key}; empty when there is none. Call inside the vault scope. */
    public static Optional<FileDownload> of(BlobStore blobs, BlobKey key, String ifNoneMatch) {
        return blobs.info(key).flatMap(info -> of(blobs, key, info, ifNoneMatch));
    }
}
