package dev.researchvault.application.document

import dev.researchvault.application.support.CursorWalk
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.document.Document
import dev.researchvault.domain.document.DocumentChunk
import dev.researchvault.domain.document.DocumentFilter
import dev.researchvault.domain.document.DocumentGroup
import dev.researchvault.domain.document.DocumentGroupRepository
import dev.researchvault.domain.document.DocumentRepository
import dev.researchvault.domain.document.DocumentStatus
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link DocumentRepository} and {@link DocumentGroupRepository} must do, together (they share the
 * memberships). A concrete subclass per adapter provides both and, when needed, a bound vault ({@link #inVault}).
 */
abstract class DocumentLibraryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-05-01T10:00:00.123Z')

    /** A fresh, empty library for each feature: [documents, groups]. */
    abstract Tuple2<DocumentRepository, DocumentGroupRepository> library()

    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    DocumentRepository docs
    DocumentGroupRepository groups

    def setup() {
        def pair = library()
        docs = pair.v1
        groups = pair.v2
    }

    Document document(String title, Instant at = T0, String authors = null) {
        byte[] bytes = title.bytes
        Document created = Document.create(UUID.randomUUID(), new Document.NewDocument(title, authors, 2020, null, null),
                new BlobInfo('application/pdf', bytes.length, BlobDigest.of(bytes)), at)
        inVault { docs.add(created) }
        created
    }

    DocumentGroup group(String name, Instant at = T0) {
        DocumentGroup created = new DocumentGroup(UUID.randomUUID(), name, null, at, at)
        inVault { groups.add(created) }
        created
    }

    def "a document reads back exactly as it was stored, and after an update"() {
        given:
        Document stored = document('Attention is all you need', T0, 'Vaswani et al.')

        expect:
        inVault { docs.find(stored.id()) }.get() == stored

        when:
        Document failed = stored.change(new Document.DocumentChanges(null, '', null, true, 'https://x.test', DocumentStatus.FAILED,
                'unreadable'), T0.plusSeconds(1))
        inVault { docs.update(failed) }

        then:
        inVault { docs.find(stored.id()) }.get() == failed
        failed.authors() == null && failed.year() == null && failed.error() == 'unreadable'
    }

    def "unknown ids are not found, and existing answers only documents"() {
        given:
        Document one = document('one')
        UUID stranger = UUID.randomUUID()

        expect:
        inVault { docs.find(stranger) }.isEmpty()
        inVault { docs.existing([one.id(), stranger]) } == [one.id()] as Set
        inVault { docs.existing([]) }.isEmpty()
    }

    def "the list is newest first, filtered by status, group and text, and walks by cursor without gaps"() {
        given:
        List<Document> all = (0..<7).collect { document("paper ${it}", T0.plusSeconds(it % 3)) }
        Document processing = all[2].change(new Document.DocumentChanges(null, null, null, false, null, DocumentStatus.PROCESSING, null), T0)
        inVault { docs.update(processing) }
        DocumentGroup reading = group('Reading')
        inVault { groups.addMember(reading.id(), all[1].id()); groups.addMember(reading.id(), all[4].id()) }
        List<UUID> newestFirst = all.sort(false) { a, b -> b.createdAt() <=> a.createdAt() ?: all.indexOf(b) <=> all.indexOf(a) }*.id()

        expect:
        CursorWalk.items(3) { p -> inVault { docs.list(DocumentFilter.all(), p) } }*.id() == newestFirst
        inVault { docs.list(DocumentFilter.all(), PageRequest.first()) }.total() == 7
        inVault { docs.list(new DocumentFilter(DocumentStatus.PROCESSING, null, null), PageRequest.first()) }.items()*.id() == [all[2].id()]
        inVault { docs.list(new DocumentFilter(DocumentStatus.PENDING, null, null), PageRequest.first()) }.total() == 6
        inVault { docs.list(new DocumentFilter(null, reading.id(), null), PageRequest.first()) }.items()*.id() == [all[4].id(), all[1].id()]
        inVault { docs.list(new DocumentFilter(null, null, 'PAPER 5'), PageRequest.first()) }.items()*.id() == [all[5].id()]
        inVault { docs.list(new DocumentFilter(null, null, '%'), PageRequest.first()) }.total() == 0
        inVault { docs.list(new DocumentFilter(DocumentStatus.PENDING, reading.id(), 'paper 4'), PageRequest.first()) }.items()*.id() == [all[4].id()]
    }

    def "text and chunks are replaced whole and go with their document"() {
        given:
        Document doc = document('chunked')
        List<DocumentChunk> first = (0..<5).collect { new DocumentChunk(it, "part ${it}", it * 10, it * 10 + 6, [page: it]) }

        when:
        inVault { docs.putText(doc.id(), 'the whole text'); docs.replaceChunks(doc.id(), first.reverse()) }

        then:
        inVault { docs.text(doc.id()) }.get() == 'the whole text'
        with(inVault { docs.chunks(doc.id(), new PageRequest(1, 2)) }) {
            items()*.index() == [2, 3]
            total() == 5
            items()[0] == first[2]
        }

        when:
        inVault { docs.putText(doc.id(), 'again'); docs.replaceChunks(doc.id(), [new DocumentChunk(7, 'only', 0, 4, [:])]) }

        then:
        inVault { docs.text(doc.id()) }.get() == 'again'
        inVault { docs.chunks(doc.id(), PageRequest.first()) }.items()*.index() == [7]

        when:
        inVault { docs.delete(doc.id()) }

        then:
        inVault { docs.text(doc.id()) }.isEmpty()
        inVault { docs.chunks(doc.id(), PageRequest.first()) }.total() == 0
        inVault { docs.count() } == 0
    }

    def "group names are unique regardless of ASCII case; nothing changes on refusal"() {
        given:
        DocumentGroup first = group('Physics')
        DocumentGroup second = group('Biology')

        when:
        inVault { groups.add(new DocumentGroup(UUID.randomUUID(), 'pHYSICS', null, T0, T0)) }

        then:
        thrown(ConflictException)

        when:
        inVault { groups.update(second.change('PHYSICS', null, T0.plusSeconds(1))) }

        then:
        def taken = thrown(ConflictException)
        taken.code() == 'document-group.name-taken'
        inVault { groups.find(second.id()) }.get().group() == second
        inVault { groups.count() } == 2
        inVault { groups.find(first.id()) }.get().group() == first
    }

    def "members are idempotent, counted, named by the documents, and outlive neither side"() {
        given:
        Document a = document('a')
        Document b = document('b')
        DocumentGroup physics = group('physics')
        DocumentGroup art = group('Art', T0.plusSeconds(1))

        when:
        boolean added = inVault { groups.addMember(physics.id(), a.id()) }
        boolean again = inVault { groups.addMember(physics.id(), a.id()) }
        inVault { groups.addMember(art.id(), a.id()); groups.addMember(physics.id(), b.id()) }

        then:
        added && !again
        inVault { groups.find(physics.id()) }.get().documentCount() == 2
        inVault { docs.groupsOf([a.id(), b.id()]) } == [(a.id()): [new DocumentGroup.Ref(art.id(), 'Art'), new DocumentGroup.Ref(physics.id(), 'physics')],
                                                          (b.id()): [new DocumentGroup.Ref(physics.id(), 'physics')]]
        CursorWalk.items(1) { p -> inVault { groups.list(p) } }*.group()*.id() == [art.id(), physics.id()]
        inVault { groups.list(PageRequest.first()) }.items()*.documentCount() == [1, 2]

        when:
        boolean removed = inVault { groups.removeMember(physics.id(), b.id()) }
        boolean removedAgain = inVault { groups.removeMember(physics.id(), b.id()) }
        inVault { docs.delete(a.id()) }

        then:
        removed && !removedAgain
        inVault { groups.find(physics.id()) }.get().documentCount() == 0

        when:
        inVault { groups.addMember(art.id(), b.id()); groups.delete(art.id()) }

        then:
        inVault { docs.find(b.id()) }.isPresent()
        inVault { docs.groupsOf([b.id()]) }.getOrDefault(b.id(), []) == []
        inVault { groups.count() } == 1
    }
}
