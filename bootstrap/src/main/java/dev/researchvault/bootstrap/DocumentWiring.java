package dev.researchvault.bootstrap;

import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.document.DocumentGroupService;
import dev.researchvault.application.document.DocumentService;
import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.document.DocumentGroupRepository;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.writing.WritingRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the document library's use cases. Documents own blobs: their uploads register with the same
 * {@link PendingBlobOwners} as message posts, and the reconciliation asks them too ({@code BlobWiring}).
 */
@Factory
public class DocumentWiring {

    @Singleton
    DocumentService documentService(VaultWork vault, DocumentRepository documents, DocumentGroupRepository groups,
                                    WritingRepository writing, BlobStore blobs, BlobUploads uploads,
                                    UploadLimits uploadLimits, PendingBlobOwners pending, ChangeHub events,
                                    Clock clock) {
        return new DocumentService(vault, documents, groups, writing, blobs, uploads, uploadLimits, pending, events,
                clock);
    }

    @Singleton
    DocumentGroupService documentGroupService(VaultWork vault, DocumentGroupRepository groups,
                                              DocumentRepository documents, Clock clock) {
        return new DocumentGroupService(vault, groups, documents, clock);
    }
}
