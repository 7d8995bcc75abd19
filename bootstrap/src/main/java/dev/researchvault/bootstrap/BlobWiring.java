package dev.researchvault.bootstrap;

import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.UploadService;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.bootstrap.config.FilesConfiguration;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.document.DocumentRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the reconciliation of unreferenced blobs: which rows own blobs, and the owners whose blobs are being
 * written right now. It runs after each login (with the legacy migration, {@code ChatWiring}) and before
 * each vacuum ({@code BackupWiring}).
 */
@Factory
public class BlobWiring {

    /** One per server: message posts register here, the reconciliation reads it. */
    @Singleton
    PendingBlobOwners pendingBlobOwners() {
        return new PendingBlobOwners();
    }

    /**
     * Messages and documents own blobs; a later owner joins this list with its repository's answer. Each run also
     * removes the uploads nobody claimed in time.
     */
    @Singleton
    BlobReconciliation blobReconciliation(BlobStore blobs, BlobUploads uploads, ChatRepository chats,
                                          DocumentRepository documents, PendingBlobOwners pending, Clock clock) {
        return new BlobReconciliation(blobs, List.of(chats::existingMessages, documents::existing), pending,
                BlobReconciliation.DEFAULT_BATCH_SIZE, () -> uploads.removeExpired(clock.instant()));
    }

    /** {@code POST /api/v1/uploads}: files staged for a later message or document, kept {@code files.upload-expiry}. */
    @Singleton
    UploadService uploadService(VaultWork vault, BlobUploads uploads, UploadLimits limits, FilesConfiguration files,
                                Clock clock) {
        return new UploadService(vault, uploads, limits.fileSize(), limits.quota(), files.getUploadExpiry(), clock);
    }
}
