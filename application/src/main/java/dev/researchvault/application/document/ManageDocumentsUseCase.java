package dev.researchvault.application.document;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.FileDownload;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentChunk;
import dev.researchvault.domain.document.DocumentFilter;
import java.util.List;
import java.util.UUID;

/**
 * The caller's document library: upload, read, list, change and delete documents, download their files, and
 * store what a processing engine extracted from them. Every unknown id is 404 {@code document.not-found}.
 */
public interface ManageDocumentsUseCase {

    /**
     * A new, pending document of {@code bytes}. The bytes are stored before the row that names them, so a row
     * never exists without its bytes. 413 {@code file.too-large} above the file size limit, 400 for a bad field or
     * media type; nothing is stored then.
     */
    DocumentView upload(Session caller, Document.NewDocument fields, String mime, byte[] bytes);

    /**
     * A new, pending document whose file is the upload {@code uploadId} ({@code POST /api/v1/uploads}), taken
     * without copying its bytes; its name is the fallback title.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code upload.not-found} when no such upload is waiting
     * @throws dev.researchvault.domain.LimitExceededException {@code file.too-large} above the file size limit
     */
    DocumentView fromUpload(Session caller, Document.NewDocument fields, UUID uploadId);

    DocumentView get(Session caller, UUID id);

    /** The caller's documents matching {@code filter}, newest first. 404 {@code document-group.not-found}: none. */
    Page<DocumentView> list(Session caller, DocumentFilter filter, PageRequest page);

    /** Applies the changes together; 409 {@code document.illegal-status-change} for a move the status forbids. */
    DocumentView update(Session caller, UUID id, Document.DocumentChanges changes);

    /** Deletes the document, its text, chunks, memberships and bytes. */
    void delete(Session caller, UUID id);

    /** The document's file; {@link FileDownload.NotModified} when {@code ifNoneMatch} names its entity tag. */
    FileDownload download(Session caller, UUID id, String ifNoneMatch);

    /** Replaces the document's extracted text. 413 {@code document.text-too-large} above the limit. */
    void putText(Session caller, UUID id, String text);

    /** Replaces all of the document's chunks. 400 {@code document.invalid-chunks} for a bad set. */
    void replaceChunks(Session caller, UUID id, List<DocumentChunk> chunks);

    /** The document's chunks in index order, by page. */
    Page<DocumentChunk> chunks(Session caller, UUID id, PageRequest page);
}
