package dev.researchvault.application.document

import dev.researchvault.domain.document.DocumentGroupRepository
import dev.researchvault.domain.document.DocumentRepository

class InMemoryDocumentLibrarySpec extends DocumentLibraryContractSpec {

    @Override
    Tuple2<DocumentRepository, DocumentGroupRepository> library() {
        def library = new InMemoryDocumentLibrary()
        new Tuple2<>(library.documents, library.groups)
    }
}
