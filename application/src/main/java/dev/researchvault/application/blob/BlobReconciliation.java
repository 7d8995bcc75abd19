package dev.researchvault.application.blob;

import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobOwners;
import dev.researchvault.domain.blob.BlobStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blobs no row owns any more: what a crash between a chat deletion's commit and the deletion of its
 * files leaves behind (issue 12, item 8), or a post killed between saving its files and inserting its row.
 * Works through the owners of the bound vault's blobs in batches of {@code batchSize}: asks every kind of
 * owning row ({@link BlobOwners}) which of them still exist, and deletes the blobs of the rest, one statement
 * per batch, so each batch holds the blobs.db writer turn only briefly.
 *
 * <p><b>Safe against a concurrent post.</b> A post saves its blobs first and inserts its row after, so between
 * the two its blobs have no row. Such owners are registered in {@link PendingBlobOwners} from before the first
 * blob is saved until the row has committed (or the blobs were discarded), and each batch checks, in this order:
 * (1) list owners, (2) drop the pending ones, (3) ask the rows about the rest. An owner listed in (1) has a blob,
 * so its post registered before (1); if it is not pending at (2), that post ended before (2), so its row, if it
 * committed, did so before (3) and is seen there. Checking rows before pending ones would lose exactly the post
 * that commits and unregisters in between. Chosen over running under the vault's writer turn, which a post
 * holds only for its row, not while it saves its files, and over an age threshold on the blobs, which only
 * guesses how long a post can take between its first file and its row.
 */
public final class BlobReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(BlobReconciliation.class);

    /** Owners per batch: one listing, one question per kind of owner, one deletion statement. */
    public static final int DEFAULT_BATCH_SIZE = 200;

    private final BlobStore blobs;
    private final List<BlobOwners> ownerKinds;
    private final PendingBlobOwners pending;
    private final int batchSize;
    private final ExpiredUploads expiredUploads;

    /**
     * @param expiredUploads removes uploads nobody claimed in time: the same upkeep (space no file owns), run first
     *                       on every reconciliation
     */
    public BlobReconciliation(BlobStore blobs, List<BlobOwners> ownerKinds, PendingBlobOwners pending, int batchSize,
                              ExpiredUploads expiredUploads) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.blobs = blobs;
        this.ownerKinds = List.copyOf(ownerKinds);
        this.pending = pending;
        this.batchSize = batchSize;
        this.expiredUploads = expiredUploads;
    }

    public BlobReconciliation(BlobStore blobs, List<BlobOwners> ownerKinds, PendingBlobOwners pending, int batchSize) {
        this(blobs, ownerKinds, pending, batchSize, ExpiredUploads.NONE);
    }

    public BlobReconciliation(BlobStore blobs, List<BlobOwners> ownerKinds, PendingBlobOwners pending) {
        this(blobs, ownerKinds, pending, DEFAULT_BATCH_SIZE);
    }

    /** Removes the bound vault's expired uploads (see {@link ExpiredUploads}), usually a wiring of {@code BlobUploads}. */
    @FunctionalInterface
    public interface ExpiredUploads {

        /** For a vault without staged uploads to expire. */
        ExpiredUploads NONE = () -> 0;

        /** Deletes the uploads expired by now; how many. */
        int remove();
    }

    /** Reconciles the bound vault's blobs, expired uploads first; call inside its vault scope. Idempotent. */
    public Report reconcile() {
        int expired = expiredUploads.remove();
        if (expired > 0) {
            LOG.info("event=upload.expired removed={}", expired);
        }
        Report report = Report.NONE;
        Optional<UUID> after = Optional.empty();
        List<UUID> batch;
        do {
            batch = blobs.owners(after, batchSize);
            report = report.plus(reconcileBatch(batch));
            after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1));
        } while (batch.size() == batchSize);
        return report;
    }

    private Report reconcileBatch(List<UUID> owners) {
        List<UUID> settled = owners.stream().filter(owner -> !pending.isPending(owner)).toList();
        Set<UUID> live = liveAmong(settled);
        List<String> unreferenced = settled.stream().filter(owner -> !live.contains(owner)).map(BlobKey::prefixOf).toList();
        int removed = unreferenced.isEmpty() ? 0 : blobs.deleteByPrefixes(unreferenced);
        return new Report(owners.size(), unreferenced.size(), removed);
    }

    /** The owners that some kind of owning row still has; each kind is asked only about the ids not found yet. */
    private Set<UUID> liveAmong(List<UUID> owners) {
        Set<UUID> live = new HashSet<>();
        List<UUID> unknown = new ArrayList<>(owners);
        for (BlobOwners kind : ownerKinds) {
            if (unknown.isEmpty()) {
                break;
            }
            Set<UUID> found = kind.existing(unknown);
            live.addAll(found);
            unknown.removeAll(found);
        }
        return live;
    }

    /**
     * What a reconciliation did.
     *
     * @param owners owners of blobs looked at
     * @param unreferencedOwners of those, owners no row has any more, whose blobs were deleted
     * @param blobsRemoved blobs deleted (files and thumbnails)
     */
    public record Report(long owners, long unreferencedOwners, long blobsRemoved) {

        public static final Report NONE = new Report(0, 0, 0);

        Report plus(Report other) {
            return new Report(owners + other.owners, unreferencedOwners + other.unreferencedOwners,
                    blobsRemoved + other.blobsRemoved);
        }
    }
}
