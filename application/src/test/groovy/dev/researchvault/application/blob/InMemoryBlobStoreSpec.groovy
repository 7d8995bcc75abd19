package dev.researchvault.application.blob

import dev.researchvault.domain.blob.BlobStore

class InMemoryBlobStoreSpec extends BlobStoreContractSpec {

    @Override
    BlobStore newStore() {
        new InMemoryBlobStore()
    }
}
