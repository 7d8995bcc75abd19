package dev.researchvault.adapter.persistence.document

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.document.DocumentLibraryContractSpec
import dev.researchvault.domain.document.Document
import dev.researchvault.domain.document.DocumentChunk
import dev.researchvault.domain.document.DocumentGroupRepository
import dev.researchvault.domain.document.DocumentRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

/** The document library contract on the real encrypted vault, plus what only SQL shows: cascades and counters. */
class JdbcDocumentLibrarySpec extends DocumentLibraryContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    Tuple2<DocumentRepository, DocumentGroupRepository> library() {
        vault.newVault()
        new Tuple2<>(vault.context.getBean(DocumentRepository), vault.context.getBean(DocumentGroupRepository))
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    def 'deleting a document cascades to its text, chunks and memberships, and keeps the row counter exact'() {
        given:
        Document doc = document('doomed')
        def keep = group('keep')
        inVault {
            docs.putText(doc.id(), 'text')
            docs.replaceChunks(doc.id(), [new DocumentChunk(0, 'c', 0, 1, [:])])
            groups.addMember(keep.id(), doc.id())
        }

        when:
        inVault { docs.delete(doc.id()) }

        then:
        vault.countRows('document_text') == 0
        vault.countRows('document_chunk') == 0
        vault.countRows('document_group_member') == 0
        vault.rows("SELECT row_count FROM row_count WHERE table_name = 'document'") == [[0]]
        vault.rows("SELECT row_count FROM row_count WHERE table_name = 'document_group'") == [[1]]
    }
}
