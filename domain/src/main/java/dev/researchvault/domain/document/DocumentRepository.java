package dev.researchvault.domain.document;

import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.vault.VaultBound;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The documents of the bound vault with what was extracted from them (text, chunks). Their bytes are blobs
 * ({@code BlobStore}, owner = the document), which this port does not touch: the use case saves them before
 * {@link #add} and deletes them after {@link #delete}.
 */
@VaultBound
public interface DocumentRepository {

    /** Stores a new document. Not idempotent: the id must be new. */
    void add(Document document);

    /** Replaces the stored fields of the document of the same id. */
    void update(Document document);

    Optional<Document> find(UUID id);

    /** Documents newest first (ties: latest added first), sliced by page or cursor. */
    Page<Document> list(DocumentFilter filter, PageRequest page);

    /** Deletes the document with its text, chunks and group memberships; false when there was none. */
    boolean delete(UUID id);

    /** The ids among {@code ids} that are documents (the {@code BlobOwners} of documents); reads only. */
    Set<UUID> existing(Collection<UUID> ids);

    /** The groups each of {@code ids} is in, by name; a document in none maps to an empty list (or is absent). */
    Map<UUID, List<DocumentGroup.Ref>> groupsOf(Collection<UUID> ids);

    /** Replaces the document's extracted text (null removes it). The document must exist. */
    void putText(UUID id, String text);

    Optional<String> text(UUID id);

    /** Replaces all of the document's chunks with {@code chunks} (indexes unique). The document must exist. */
    void replaceChunks(UUID id, List<DocumentChunk> chunks);

    /** The document's chunks in index order, by page. */
    Page<DocumentChunk> chunks(UUID id, PageRequest page);

    /** How many documents the vault holds. */
    long count();
}
