package dev.researchvault.application.blob

import dev.researchvault.domain.blob.Blob
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobStream

/**
 * Runs every call of a {@link BlobStore} inside its own vault scope of one user, as each use case would:
 * lets the contract spec call an adapter as if it were a plain object.
 */
class ScopedBlobStore implements BlobStore {

    /** The store itself, unbound: what the contract calls to see it refuse to work outside a vault. */
    final BlobStore adapter
    private final Closure<?> inVault

    /** @param inVault runs the closure it is given with the user's vault bound, and answers its value */
    ScopedBlobStore(BlobStore adapter, Closure<?> inVault) {
        this.adapter = adapter
        this.inVault = inVault
    }

    @Override
    BlobInfo save(BlobKey key, String mime, byte[] data) {
        scoped { adapter.save(key, mime, data) }
    }

    @Override
    BlobInfo save(BlobKey key, String mime, long size, InputStream content) {
        scoped { adapter.save(key, mime, size, content) }
    }

    @Override
    Optional<Blob> get(BlobKey key) {
        scoped { adapter.get(key) }
    }

    @Override
    Optional<BlobStream> openStream(BlobKey key) {
        // The stream is read by the caller after the scope has ended, which the port allows.
        scoped { adapter.openStream(key) }
    }

    @Override
    Optional<BlobInfo> info(BlobKey key) {
        scoped { adapter.info(key) }
    }

    @Override
    boolean exists(BlobKey key) {
        scoped { adapter.exists(key) }
    }

    @Override
    OptionalLong size(BlobKey key) {
        scoped { adapter.size(key) }
    }

    @Override
    boolean delete(BlobKey key) {
        scoped { adapter.delete(key) }
    }

    @Override
    int deleteByPrefix(String prefix) {
        scoped { adapter.deleteByPrefix(prefix) }
    }

    @Override
    int deleteByPrefixes(Collection<String> prefixes) {
        scoped { adapter.deleteByPrefixes(prefixes) }
    }

    @Override
    List<UUID> owners(Optional<UUID> after, int max) {
        scoped { adapter.owners(after, max) }
    }

    private <T> T scoped(Closure<T> work) {
        (T) inVault.call(work)
    }
}
