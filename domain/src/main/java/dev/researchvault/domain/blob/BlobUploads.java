package dev.researchvault.domain.blob;

import dev.researchvault.domain.vault.VaultBound;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Files uploaded on their own, before the message or document that will carry them exists, in the bound user's
 * vault (beside the {@link BlobStore}'s blobs). A staged upload is never readable as a blob: only a claim makes it
 * one, under its final key, without copying its bytes.
 */
@VaultBound
public interface BlobUploads {

    /**
     * Receives {@code content} to its end, hashing and storing it a part at a time (never whole in memory), and
     * keeps it until {@code expiresAt}. The stream is read, not closed.
     *
     * @param name the file name the client gave, if any (not checked here)
     * @param limit asked with the byte count so far after each part read, before that part is stored
     * @throws dev.researchvault.domain.LimitExceededException from {@code limit}; nothing is kept then
     * @throws dev.researchvault.domain.RuleViolationException ({@code blob.unreadable}) when reading the stream
     *         fails (the client went away), ({@code blob.invalid-mime}) for a bad media type; nothing is kept
     */
    StagedUpload stage(String mime, Optional<String> name, InputStream content, UploadLimit limit, Instant expiresAt);

    /** The upload {@code id}, received whole and not expired at {@code now}, not yet claimed; empty otherwise. */
    Optional<StagedUpload> find(UUID id, Instant now);

    /**
     * Makes the upload {@code id} the blob under {@code key} (replacing what was there) and forgets the upload, in
     * one step: afterwards the blob is complete, or nothing changed.
     *
     * @return the blob's metadata
     * @throws dev.researchvault.domain.NotFoundException ({@code upload.not-found}) when there is no such upload
     *         still waiting at {@code now} (unknown, expired, still arriving or already claimed)
     */
    BlobInfo claim(UUID id, BlobKey key, Instant now);

    /**
     * Deletes every upload expired at {@code now}, bytes included, whether it was received whole or cut short by
     * a crash. Idempotent.
     *
     * @return how many uploads were deleted
     */
    int removeExpired(Instant now);
}
