package dev.researchvault.application.blob;

import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deleting the blobs of owners (messages, documents) whose rows are already gone. */
public final class OwnedBlobs {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedBlobs.class);

    private OwnedBlobs() {
    }

    /**
     * Deletes every blob of {@code owners} with one prefix-batch call, inside the bound vault. Best effort: the
     * rows are already gone, and a blob no row points at is only wasted space that the next reconciliation
     * ({@link BlobReconciliation}) gives back, so a failure is logged, not passed on.
     */
    public static void discard(BlobStore blobs, Collection<java.util.UUID> owners) {
        if (owners.isEmpty()) {
            return;
        }
        try {
            blobs.deleteByPrefixes(owners.stream().map(BlobKey::prefixOf).toList());
        } catch (RuntimeException failure) {
            LOG.warn("event=blob.orphaned owners={} error={}", owners.size(), failure.getClass().getSimpleName());
        }
    }
}
