package dev.researchvault.application.document;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.BlobDownloads;
import dev.researchvault.application.blob.FileDownload;
import dev.researchvault.application.blob.OwnedBlobs;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.blob.UploadLimits;
import dev.researchvault.application.blob.UploadService;
import dev.researchvault.application.events.ChangeEvents;
import dev.researchvault.application.events.ChangeFeed;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StagedUpload;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentChunk;
import dev.researchvault.domain.document.DocumentFilter;
import dev.researchvault.domain.document.DocumentGroup;
import dev.researchvault.domain.document.DocumentGroupRepository;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.writing.WritingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link ManageDocumentsUseCase} over the caller's vault. A document's file is the blob {@code <id>/0}.
 *
 * <p><b>Crash ordering.</b> vault.db and blobs.db are two files with no common transaction, so the order of the
 * writes decides what a crash can leave: an upload saves the bytes first and inserts the row after (a row never
 * names missing bytes; bytes without a row are removed by the reconciliation, {@code BlobReconciliation}, which
 * knows documents as owners), and the upload's id is pending ({@link PendingBlobOwners}) from before its bytes
 * until its row has committed, so a reconciliation running meanwhile leaves them alone. A deletion deletes the row
 * first and the bytes after, for the same reason.
 */
public record DocumentService(VaultWork vault, DocumentRepository documents, DocumentGroupRepository groups,
                              WritingRepository writing, BlobStore blobs, BlobUploads uploads, UploadLimits uploadLimits,
                              PendingBlobOwners pending, ChangeFeed events, Clock clock)
        implements ManageDocumentsUseCase {

    /** Extracted text of a document, in characters: a long book is a few million. */
    public static final int MAX_TEXT_LENGTH = 10_000_000;

    @Override
    public DocumentView upload(Session caller, Document.NewDocument fields, String mime, byte[] bytes) {
        uploadLimits.fileSize().check(bytes.length);
        BlobInfo.requireValidMime(mime);
        return create(caller, (id, now) -> {
            try (StorageQuota.Reservation reserved = uploadLimits.quota().admit(bytes.length)) {
                return new Stored(blobs.save(BlobKey.file(id, 0), mime, bytes), fields);
            }
        });
    }

    @Override
    public DocumentView fromUpload(Session caller, Document.NewDocument fields, UUID uploadId) {
        return create(caller, (id, now) -> {
            StagedUpload upload = uploads.find(uploadId, now).orElseThrow(UploadService::notFound);
            uploadLimits.fileSize().check(upload.info().size());
            // The upload's name is the fallback title, as a multipart file's name is.
            Document.NewDocument named = fields.fileName() == null ? new Document.NewDocument(fields.title(),
                    fields.authors(), fields.year(), fields.sourceUrl(), upload.name().orElse(null)) : fields;
            return new Stored(uploads.claim(uploadId, BlobKey.file(id, 0), now), named);
        });
    }

    /** The bytes of a new document, stored, and the fields it is created with. */
    private record Stored(BlobInfo file, Document.NewDocument fields) {
    }

    /**
     * Stores a new document's bytes under {@code <id>/0} (at {@code now}); bytes sent with the request are admitted
     * by the storage quota first, a staged upload was admitted when it was staged.
     */
    private interface BytesStore {
        Stored store(UUID id, Instant now);
    }

    /** Bytes first, then the row: see the class comment for the crash order. */
    private DocumentView create(Session caller, BytesStore bytes) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        try (PendingBlobOwners.Registration ignored = pending.register(id)) {
            return vault.inVault(caller, () -> {
                Stored stored = bytes.store(id, now);
                try {
                    Document document = Document.create(id, stored.fields(), stored.file(), now);
                    vault.inTransaction(() -> {
                        documents.add(document);
                        return null;
                    });
                    return new DocumentView(document, List.of());
                } catch (RuntimeException failure) {
                    OwnedBlobs.discard(blobs, List.of(id));
                    throw failure;
                }
            });
        }
    }

    @Override
    public DocumentView get(Session caller, UUID id) {
        return vault.inVault(caller, () -> view(existing(id)));
    }

    @Override
    public Page<DocumentView> list(Session caller, DocumentFilter filter, PageRequest page) {
        return vault.inVault(caller, () -> {
            if (filter.groupId() != null && groups.find(filter.groupId()).isEmpty()) {
                throw DocumentErrors.groupNotFound();
            }
            Page<Document> found = documents.list(filter, page);
            Map<UUID, List<DocumentGroup.Ref>> memberships =
                    documents.groupsOf(found.items().stream().map(Document::id).toList());
            return found.map(document -> new DocumentView(document, memberships.get(document.id())));
        });
    }

    @Override
    public DocumentView update(Session caller, UUID id, Document.DocumentChanges changes) {
        // Every refused part is named at once, before the document is read (as other bodies are checked first).
        changes.requireValid();
        Instant now = now();
        // Read and write in one transaction: a concurrent status report cannot slip in between.
        DocumentView updated = vault.inTransaction(caller, () -> {
            Document changed = existing(id).change(changes, now);
            documents.update(changed);
            return view(changed);
        });
        events.publish(caller.userId(), ChangeEvents.documentUpdated(updated.document()));
        return updated;
    }

    @Override
    public void delete(Session caller, UUID id) {
        vault.inVault(caller, () -> {
            // The drafts' references to it keep their citation and lose the link, in the same transaction.
            boolean deleted = vault.inTransaction(() -> {
                boolean removed = documents.delete(id);
                if (removed) {
                    writing.unlinkDocument(id);
                }
                return removed;
            });
            if (!deleted) {
                throw DocumentErrors.documentNotFound();
            }
            OwnedBlobs.discard(blobs, List.of(id));
            return null;
        });
    }

    @Override
    public FileDownload download(Session caller, UUID id, String ifNoneMatch) {
        return vault.inVault(caller, () -> {
            Document document = existing(id);
            // No bytes for an existing row cannot follow from our write order; answered as not found all the same.
            return BlobDownloads.of(blobs, BlobKey.file(id, 0), ifNoneMatch).orElseThrow(DocumentErrors::documentNotFound)
                    .describedAs(document.title(), document.createdAt());
        });
    }

    @Override
    public void putText(Session caller, UUID id, String text) {
        if (text == null) {
            throw new RuleViolationException("document.invalid-text", "text is required");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new LimitExceededException("document.text-too-large",
                    "a document's text may have at most " + MAX_TEXT_LENGTH + " characters");
        }
        Texts.bounded(text, MAX_TEXT_LENGTH, "document.invalid-text", "text");
        vault.inTransaction(caller, () -> {
            existing(id);
            documents.putText(id, text);
            return null;
        });
    }

    @Override
    public void replaceChunks(Session caller, UUID id, List<DocumentChunk> chunks) {
        List<DocumentChunk> valid = DocumentChunk.validSet(chunks);
        vault.inTransaction(caller, () -> {
            existing(id);
            documents.replaceChunks(id, valid);
            return null;
        });
    }

    @Override
    public Page<DocumentChunk> chunks(Session caller, UUID id, PageRequest page) {
        return vault.inVault(caller, () -> {
            existing(id);
            return documents.chunks(id, page);
        });
    }

    private Document existing(UUID id) {
        return documents.find(id).orElseThrow(DocumentErrors::documentNotFound);
    }

    private DocumentView view(Document document) {
        return new DocumentView(document, documents.groupsOf(List.of(document.id())).get(document.id()));
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so values read back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
