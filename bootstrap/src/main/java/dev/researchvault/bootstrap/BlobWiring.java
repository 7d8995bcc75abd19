package dev.researchvault.bootstrap;

import dev.researchvault.application.blob.BlobReconciliation;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.document.DocumentRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
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

    /** Messages and documents own blobs; a later owner joins this list with its repository's answer. */
    @Singleton
    BlobReconciliation blobReconciliation(BlobStore blobs, ChatRepository chats, DocumentRepository documents,
                                          PendingBlobOwners pending) {
        return new BlobReconciliation(blobs, List.of(chats::existingMessages, documents::existing), pending);
    }
}
