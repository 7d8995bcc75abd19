package dev.researchvault.application.chat;

import dev.researchvault.application.blob.OwnedBlobs;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.chat.MessageFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The bytes of messages' files in the blob store: {@code <messageId>/<index>} and
 * {@code <messageId>/<index>.thumb}. Works on the vault bound by the caller.
 */
final class MessageAttachments {

    private final BlobStore blobs;
    private final UploadLimits limits;

    MessageAttachments(BlobStore blobs, UploadLimits limits) {
        this.blobs = blobs;
        this.limits = limits;
    }

    /**
     * The metadata the message row keeps for {@code files}, index = position.
     *
     * @throws dev.researchvault.domain.LimitExceededException {@code chat.too-many-files} for more files than a
     *         message may carry; {@code file.too-large} when a file or thumbnail is above the limit
     */
    List<MessageFile> describe(List<NewFile> files) {
        limits.checkFileCount(files.size());
        List<MessageFile> described = new ArrayList<>(files.size());
        for (NewFile file : files) {
            limits.fileSize().check(file.data().length);
            if (file.hasThumbnail()) {
                limits.fileSize().check(file.thumbnail().length);
            }
            described.add(new MessageFile(described.size(), file.name(), file.mime(), file.data().length,
                    file.hasThumbnail()));
        }
        return described;
    }

    /**
     * Saves the bytes of {@code files} for message {@code messageId}, once the storage quota admits them all. All or
     * nothing: when one save fails, those already saved are deleted before the failure is passed on.
     *
     * @throws dev.researchvault.domain.LimitExceededException {@code vault.quota-exceeded}, nothing stored
     */
    void store(UUID messageId, List<NewFile> files) {
        limits.quota().admit(files.stream()
                .mapToLong(file -> file.data().length + (file.hasThumbnail() ? file.thumbnail().length : 0L)).sum());
        try {
            for (int index = 0; index < files.size(); index++) {
                NewFile file = files.get(index);
                BlobKey key = BlobKey.file(messageId, index);
                blobs.save(key, file.mime(), file.data());
                if (file.hasThumbnail()) {
                    blobs.save(key.thumbnailKey(), file.thumbnailMime(), file.thumbnail());
                }
            }
        } catch (RuntimeException failure) {
            discard(List.of(messageId));
            throw failure;
        }
    }

    /**
     * Deletes every blob of {@code messageIds} with one prefix-batch call. Best effort: the rows are already
     * gone, and a blob no row points at is only wasted space, so a failure is logged, not passed on.
     */
    void discard(Collection<UUID> messageIds) {
        discard(blobs, messageIds);
    }

    /** {@link #discard(Collection)} for a use case that stores no files, only deletes them. */
    static void discard(BlobStore blobs, Collection<UUID> messageIds) {
        OwnedBlobs.discard(blobs, messageIds);
    }
}
