package dev.researchvault.application.blob

import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobUploads
import dev.researchvault.domain.blob.StagedUpload
import dev.researchvault.domain.blob.UploadLimit

import java.time.Instant

/** Runs every call of a {@link BlobUploads} inside its own vault scope of one user, as {@link ScopedBlobStore} does. */
class ScopedBlobUploads implements BlobUploads {

    final BlobUploads adapter
    private final Closure<?> inVault

    ScopedBlobUploads(BlobUploads adapter, Closure<?> inVault) {
        this.adapter = adapter
        this.inVault = inVault
    }

    @Override
    StagedUpload stage(String mime, Optional<String> name, InputStream content, UploadLimit limit, Instant expiresAt) {
        (StagedUpload) inVault.call { adapter.stage(mime, name, content, limit, expiresAt) }
    }

    @Override
    Optional<StagedUpload> find(UUID id, Instant now) {
        (Optional<StagedUpload>) inVault.call { adapter.find(id, now) }
    }

    @Override
    BlobInfo claim(UUID id, BlobKey key, Instant now) {
        (BlobInfo) inVault.call { adapter.claim(id, key, now) }
    }

    @Override
    int removeExpired(Instant now) {
        (int) inVault.call { adapter.removeExpired(now) }
    }
}
