package dev.researchvault.application.blob;

import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile;
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyMessage;
import dev.researchvault.application.blob.LegacyMessageFiles.MigratedFile;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves file bytes stored inline in message rows (the legacy form) into the blob store, {@value #BATCH_SIZE}
 * messages at a time, leaving only metadata in the rows. Run it inside the user's vault scope.
 *
 * <p>Idempotent and crash-safe by ordering: a message's blobs are saved (replacing any left by an
 * interrupted run) before its row is rewritten, so no row ever points at bytes that are not stored, and a
 * second run finds nothing left to do. A message with undecodable bytes is left in the legacy form (still
 * served from the row), reported, and stepped over.
 */
public final class LegacyFileMigration {

    /** Messages read and migrated per batch. */
    public static final int BATCH_SIZE = 100;

    private final BlobStore blobs;
    private final LegacyMessageFiles messages;

    public LegacyFileMigration(BlobStore blobs, LegacyMessageFiles messages) {
        this.blobs = blobs;
        this.messages = messages;
    }

    /** What one run did. {@code failedMessages} are those left in legacy form. */
    public record Report(int messages, int files, int thumbnails, List<UUID> failedMessages) {
    }

    /** Migrates every legacy message of the bound vault. */
    public Report migrateAll() {
        ReportBuilder report = new ReportBuilder();
        Optional<UUID> after = Optional.empty();
        List<LegacyMessage> batch;
        while (!(batch = messages.nextBatch(after, BATCH_SIZE)).isEmpty()) {
            for (LegacyMessage message : batch) {
                migrate(message, report);
            }
            after = Optional.of(batch.get(batch.size() - 1).messageId());
        }
        return report.build();
    }

    private void migrate(LegacyMessage message, ReportBuilder report) {
        List<DecodedFile> decoded;
        try {
            decoded = message.files().stream().map(DecodedFile::of).toList();
        } catch (DomainException undecodable) {
            report.failed.add(message.messageId());
            return;
        }
        List<MigratedFile> migrated = new ArrayList<>(decoded.size());
        for (DecodedFile file : decoded) {
            migrated.add(file.saveTo(blobs, message.messageId()));
            report.files++;
            report.thumbnails += file.thumbnail == null ? 0 : 1;
        }
        messages.markMigrated(message.messageId(), migrated);
        report.messages++;
    }

    /** A legacy file with its bytes decoded; {@code thumbnail} is null when it has none. */
    private record DecodedFile(LegacyFile source, byte[] data, LegacyBase64.Decoded thumbnail) {

        /** Decodes and checks everything first, so a bad file fails its message before any blob is saved. */
        static DecodedFile of(LegacyFile file) {
            BlobInfo.requireValidMime(file.mime());
            LegacyBase64.Decoded thumbnail = file.thumbnail() == null ? null : LegacyBase64.decode(file.thumbnail());
            return new DecodedFile(file, LegacyBase64.decode(file.data()).bytes(), thumbnail);
        }

        MigratedFile saveTo(BlobStore blobs, UUID messageId) {
            BlobKey key = BlobKey.file(messageId, source.index());
            blobs.save(key, source.mime(), data);
            if (thumbnail != null) {
                blobs.save(key.thumbnailKey(), LegacyBase64.thumbnailMime(thumbnail), thumbnail.bytes());
            }
            return new MigratedFile(source.index(), source.name(), source.mime(), data.length, thumbnail != null);
        }
    }

    private static final class ReportBuilder {
        private int messages;
        private int files;
        private int thumbnails;
        private final List<UUID> failed = new ArrayList<>();

        Report build() {
            return new Report(messages, files, thumbnails, List.copyOf(failed));
        }
    }
}
