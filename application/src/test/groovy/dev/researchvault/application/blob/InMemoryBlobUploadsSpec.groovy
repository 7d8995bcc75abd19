package dev.researchvault.application.blob

import dev.researchvault.application.vault.InMemoryVaultScope

class InMemoryBlobUploadsSpec extends BlobUploadsContractSpec {

    @Override
    void newStores() {
        def blobs = new InMemoryBlobStore()
        Closure inVault = { Closure work -> InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work) }
        store = new ScopedBlobStore(blobs, inVault)
        uploads = new ScopedBlobUploads(new InMemoryBlobUploads(blobs), inVault)
    }
}
