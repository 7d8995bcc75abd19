package dev.researchvault.application.blob

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.blob.BlobStore

class InMemoryBlobStoreSpec extends BlobStoreContractSpec {

    @Override
    BlobStore newStore() {
        new ScopedBlobStore(new InMemoryBlobStore(), { Closure work -> InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work) })
    }
}
