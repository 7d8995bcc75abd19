package dev.researchvault.domain.blob;

import dev.researchvault.domain.vault.VaultBound;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The bytes of the files attached to chat messages, and their thumbnails, in the bound user's vault
 * ({@code blobs.db} in the SQLite adapter). Keyed by {@link BlobKey}; message rows keep only metadata.
 *
 * <p>Every method works on the vault bound by {@code VaultScope.call} and fails when none is bound. Storage
 * failures surface as {@link dev.researchvault.domain.UnavailableException} ({@code blob.unavailable}).
 */
@VaultBound
public interface BlobStore {

    /**
     * Stores {@code data} under {@code key}, replacing whatever was stored there (so saving twice is
     * idempotent). The store keeps no reference to the array.
     *
     * @return what was stored: media type, size and SHA-256 digest
     * @throws dev.researchvault.domain.RuleViolationException ({@code blob.invalid-mime}) for a bad media type;
     *                                                         nothing is stored then
     */
    BlobInfo save(BlobKey key, String mime, byte[] data);

    /**
     * Stores exactly {@code size} bytes read from {@code content} under {@code key}, replacing whatever was
     * stored there, all or nothing. Does not close the stream. This default reads it into one array of exactly
     * {@code size} bytes (no growing buffers); the SQLite adapter stores a file above one chunk a chunk at a time,
     * never holding more than one chunk of it.
     *
     * @throws dev.researchvault.domain.RuleViolationException ({@code blob.size-mismatch}) when the stream is
     *         shorter or longer than {@code size}, ({@code blob.unreadable}) when reading it fails,
     *         ({@code blob.invalid-mime}) for a bad media type; nothing is stored then
     * @throws dev.researchvault.domain.LimitExceededException ({@code blob.too-large}) beyond 2 GiB in this default
     */
    default BlobInfo save(BlobKey key, String mime, long size, InputStream content) {
        BlobInfo.requireValidMime(mime);
        return save(key, mime, BlobContents.readExactly(content, size));
    }

    /**
     * The blob stored under {@code key}, bytes included in one array; empty when there is none. Reads only.
     *
     * @throws dev.researchvault.domain.LimitExceededException ({@code blob.too-large}) for a blob too large for
     *         one array (above 2 GiB); stream it with {@link #openStream}
     */
    Optional<Blob> get(BlobKey key);

    /**
     * The blob stored under {@code key} as a stream, for sending it on without another copy; empty when
     * there is none. A large blob is read a chunk at a time as the stream is read, {@code skip} passes over chunks
     * without reading them (a range download reads only the chunks it sends), and a blob replaced or deleted while
     * its stream is read ends that stream with an {@code IOException}, never with bytes of another version. See
     * {@link BlobStream} for the stream's lifetime.
     */
    Optional<BlobStream> openStream(BlobKey key);

    /**
     * Media type, size and digest of the blob under {@code key} without its bytes (cheap whatever the size:
     * enough to answer a conditional download with 304); empty when there is none.
     */
    Optional<BlobInfo> info(BlobKey key);

    /** Whether a blob is stored under {@code key}. */
    boolean exists(BlobKey key);

    /** The size in bytes of the blob under {@code key}; empty when there is none. */
    default OptionalLong size(BlobKey key) {
        return info(key).map(info -> OptionalLong.of(info.size())).orElseGet(OptionalLong::empty);
    }

    /** Deletes the blob under {@code key}; true when there was one. Idempotent. */
    boolean delete(BlobKey key);

    /**
     * Deletes every blob whose key starts with {@code prefix}, matched literally (no character is a
     * wildcard), e.g. {@link BlobKey#prefixOf} of a message for its files and thumbnails.
     *
     * @return how many blobs were deleted
     * @throws IllegalArgumentException for an empty prefix, which would delete everything
     */
    default int deleteByPrefix(String prefix) {
        return deleteByPrefixes(java.util.List.of(prefix));
    }

    /**
     * Deletes every blob whose key starts with any of {@code prefixes} (matched literally), atomically: all
     * of them or, on failure, none. An empty collection deletes nothing.
     *
     * @return how many blobs were deleted
     * @throws IllegalArgumentException when a prefix is empty, which would delete everything
     */
    int deleteByPrefixes(Collection<String> prefixes);

    /**
     * The owners of stored blobs: the message id (generally, the id of whatever row owns the blob) in front of
     * the first {@code /} of each key, each owner once, in ascending order of its canonical text, starting after
     * {@code after} (from the first when empty), at most {@code max}. Keys that do not begin with a canonical
     * UUID and a {@code /} are never listed, so nothing that reconciles by owner can touch them. Reads only;
     * a caller pages on with the last owner answered until the answer is shorter than {@code max}.
     *
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    List<UUID> owners(Optional<UUID> after, int max);
}
