package dev.researchvault.application.chat;

import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.blob.OwnedBlobs;
import dev.researchvault.application.blob.UploadService;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StagedUpload;
import dev.researchvault.domain.chat.MessageFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The bytes of messages' files in the blob store: {@code <messageId>/<index>} and
 * {@code <messageId>/<index>.thumb}; files uploaded before are claimed there ({@link BlobUploads#claim}), without
 * copying their bytes. Works on the vault bound by the caller.
 */
final class MessageAttachments {

    private final BlobStore blobs;
    private final BlobUploads uploads;
    private final UploadLimits limits;

    MessageAttachments(BlobStore blobs, BlobUploads uploads, UploadLimits limits) {
        this.blobs = blobs;
        this.uploads = uploads;
        this.limits = limits;
    }

    /**
     * The metadata the message row keeps for {@code files}, index = position; reads the uploads among them, so
     * call inside the vault scope.
     *
     * @throws dev.researchvault.domain.LimitExceededException {@code chat.too-many-files} for more files than a
     *         message may carry; {@code file.too-large} when a file or thumbnail is above the limit
     * @throws dev.researchvault.domain.NotFoundException {@code upload.not-found} for an upload id that is not waiting (unknown, expired, used)
     * @throws dev.researchvault.domain.RuleViolationException {@code chat.invalid-file-name} for an upload without
     *         a usable name
     */
    List<MessageFile> describe(List<? extends NewAttachment> files, Instant now) {
        limits.checkFileCount(files.size());
        List<MessageFile> described = new ArrayList<>(files.size());
        for (NewAttachment attachment : files) {
            int index = described.size();
            described.add(attachment instanceof UploadedFile uploaded
                    ? describe(index, uploaded, waiting(uploaded.uploadId(), now))
                    : describe(index, (NewFile) attachment));
        }
        return described;
    }

    private MessageFile describe(int index, NewFile file) {
        limits.fileSize().check(file.data().length);
        if (file.hasThumbnail()) {
            limits.fileSize().check(file.thumbnail().length);
        }
        return new MessageFile(index, file.name(), file.mime(), file.data().length, file.hasThumbnail());
    }

    private MessageFile describe(int index, UploadedFile file, StagedUpload upload) {
        limits.fileSize().check(upload.info().size());
        String name = Texts.required(file.name().or(upload::name).orElse(null), NewFile.MAX_NAME_LENGTH,
                "chat.invalid-file-name", "file name");
        return new MessageFile(index, name, upload.info().mime(), upload.info().size(), false);
    }

    private StagedUpload waiting(UUID uploadId, Instant now) {
        return uploads.find(uploadId, now).orElseThrow(UploadService::notFound);
    }

    /**
     * Saves the bytes of {@code files} for message {@code messageId}, or claims them when uploaded before, once the
     * storage quota admits the bytes sent with the message (an upload was admitted when it was staged). All or
     * nothing: when one fails, the files already stored are deleted before the failure is passed on (a claimed
     * upload is spent then; the client uploads it again).
     *
     * @throws dev.researchvault.domain.LimitExceededException {@code vault.quota-exceeded}, nothing stored
     */
    void store(UUID messageId, List<? extends NewAttachment> files, Instant now) {
        long sent = files.stream().filter(NewFile.class::isInstance).map(NewFile.class::cast)
                .mapToLong(file -> file.data().length + (file.hasThumbnail() ? file.thumbnail().length : 0L)).sum();
        try (StorageQuota.Reservation reserved = limits.quota().admit(sent)) {
            storeAll(messageId, files, now);
        }
    }

    private void storeAll(UUID messageId, List<? extends NewAttachment> files, Instant now) {
        try {
            for (int index = 0; index < files.size(); index++) {
                BlobKey key = BlobKey.file(messageId, index);
                if (files.get(index) instanceof UploadedFile uploaded) {
                    uploads.claim(uploaded.uploadId(), key, now);
                } else {
                    save(key, (NewFile) files.get(index));
                }
            }
        } catch (RuntimeException failure) {
            discard(List.of(messageId));
            throw failure;
        }
    }

    private void save(BlobKey key, NewFile file) {
        blobs.save(key, file.mime(), file.data());
        if (file.hasThumbnail()) {
            blobs.save(key.thumbnailKey(), file.thumbnailMime(), file.thumbnail());
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
