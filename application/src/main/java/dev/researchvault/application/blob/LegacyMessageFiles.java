package dev.researchvault.application.blob;

import dev.researchvault.domain.vault.VaultBound;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Message rows that still carry file bytes in the legacy form: base64 {@code data} and optional
 * {@code thumbnail} inside the message's files JSON. Implemented over the message table of the bound
 * vault; used only by {@link LegacyFileMigration}.
 */
@VaultBound
public interface LegacyMessageFiles {

    /**
     * Up to {@code max} messages with an id greater than {@code after} (from the first when empty), in id
     * order, that still hold at least one file inline; only their inline files are listed. Reads only.
     * Paging by id, rather than "the first ones still inline", lets a run step over a message it could not
     * migrate instead of being handed it again forever.
     */
    List<LegacyMessage> nextBatch(Optional<UUID> after, int max);

    /**
     * Replaces, in the row of {@code messageId}, the inline form of each listed file by its metadata
     * ({@code name, mime, size, hasThumbnail}); files not listed stay as they are. Idempotent: a file
     * already in metadata form is left alone. Does nothing when the message no longer exists.
     */
    void markMigrated(UUID messageId, List<MigratedFile> files);

    /**
     * File {@code index} of message {@code messageId} when it is still inline; empty when the message does
     * not exist, has no such file, or the file is already migrated. Reads only. Lets a message be served
     * before the migration has reached it.
     */
    Optional<LegacyFile> inlineFile(UUID messageId, int index);

    /** A message and those of its files still inline. */
    record LegacyMessage(UUID messageId, List<LegacyFile> files) {
        public LegacyMessage {
            Objects.requireNonNull(messageId, "messageId");
            files = List.copyOf(files);
        }
    }

    /**
     * One inline file as stored: {@code data} and {@code thumbnail} are base64, optionally as a
     * {@code data:} URL; {@code thumbnail} is null when the file has none.
     */
    record LegacyFile(int index, String name, String mime, String data, String thumbnail) {
        public LegacyFile {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The metadata that replaces an inline file once its bytes are in the blob store. */
    record MigratedFile(int index, String name, String mime, long size, boolean hasThumbnail) {
    }
}
