package dev.researchvault.application.document

import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.blob.BlobReconciliation
import dev.researchvault.application.blob.FileDownload
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.blob.PendingBlobOwners
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.support.RecordingChangeFeed
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.writing.WritingVaults
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.document.Document
import dev.researchvault.domain.document.DocumentChunk
import dev.researchvault.domain.document.DocumentFilter
import dev.researchvault.domain.document.DocumentStatus
import dev.researchvault.domain.writing.Draft
import dev.researchvault.domain.writing.DraftReference
import dev.researchvault.domain.writing.WritingRepository
import dev.researchvault.domain.writing.WritingSession
import spock.lang.Specification

import java.time.Instant

/** The document use cases on fakes: write order between the two files, rules, groups, and what a deletion leaves. */
class DocumentServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123456Z')

    /** A blob store that can fail its next save, and remembers whether a document row existed at each save. */
    static class WatchedBlobStore extends InMemoryBlobStore {
        boolean failSave
        Closure<Void> onSave = {}

        @Override
        BlobInfo save(BlobKey key, String mime, byte[] data) {
            onSave(key)
            if (failSave) {
                throw new UnavailableException('blob.unavailable', 'simulated failure')
            }
            super.save(key, mime, data)
        }
    }

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    InMemoryDocumentLibrary library = new InMemoryDocumentLibrary()
    WatchedBlobStore blobs = new WatchedBlobStore()
    PendingBlobOwners pending = new PendingBlobOwners()
    WritingRepository writing = WritingVaults.perUser()
    RecordingChangeFeed events = new RecordingChangeFeed()
    DocumentService service = new DocumentService(scope.vaultWork(), library.documents, library.groups, writing, blobs, new dev.researchvault.application.blob.InMemoryBlobUploads(blobs),
            UploadLimits.of(new FileSizeLimit(1024)), pending, events, clock)
    DocumentGroupService groups = new DocumentGroupService(scope.vaultWork(), library.groups, library.documents, clock)
    Session alice = TestSessions.of('alice')

    DocumentView upload(String title = 'paper', byte[] bytes = 'pdf'.bytes) {
        service.upload(alice, new Document.NewDocument(title, null, null, null, 'file.pdf'), 'application/pdf', bytes)
    }

    def 'an upload saves the bytes first, while its owner is pending and has no row, then the row'() {
        given:
        List<Boolean> rowAtSave = []
        List<Boolean> pendingAtSave = []
        blobs.onSave = { BlobKey key ->
            // Called inside the upload's vault scope, where the fakes can be asked.
            pendingAtSave << pending.isPending(key.messageId())
            rowAtSave << library.documents.find(key.messageId()).isPresent()
        }

        when:
        DocumentView view = upload('Attention', 'bytes'.bytes)

        then:
        rowAtSave == [false]
        pendingAtSave == [true]
        !pending.isPending(view.document().id())
        blobs.keys() == ["${view.document().id()}/0".toString()]
        with(view.document()) {
            status() == DocumentStatus.PENDING
            size() == 5
            sha256() == 'bytes'.bytes.digest('SHA-256')
            createdAt() == Instant.parse('2026-06-01T08:00:00.123Z')
        }
        view.groups() == []
        scope.onlyBound(alice)
    }

    def 'a document made from an upload takes its bytes while pending, its name as fallback title, and only once'() {
        given:
        def uploads = service.uploads() as dev.researchvault.application.blob.InMemoryBlobUploads
        def staged = uploads.stage('application/pdf', Optional.of('paper.pdf'), new ByteArrayInputStream('pdf bytes'.bytes),
                { long size -> }, Instant.parse('2026-06-01T09:00:00Z'))
        List<Boolean> pendingAtSave = []
        blobs.onSave = { BlobKey key -> pendingAtSave << pending.isPending(key.messageId()) }

        when:
        DocumentView view = service.fromUpload(alice, new Document.NewDocument(null, 'Ann', 2020, null, null), staged.id())

        then:
        with(view.document()) {
            title() == 'paper.pdf'
            authors() == 'Ann'
            mime() == 'application/pdf'
            size() == 9
            sha256() == 'pdf bytes'.bytes.digest('SHA-256')
        }
        pendingAtSave == [true]
        blobs.keys() == ["${view.document().id()}/0".toString()]
        uploads.count() == 0

        when:
        service.fromUpload(alice, new Document.NewDocument('again', null, null, null, null), staged.id())

        then:
        def gone = thrown(NotFoundException)
        gone.code() == 'upload.not-found'
        blobs.keys().size() == 1
    }

    def 'a failing blob save stores no row; a failing row write deletes the bytes again; neither stays pending'() {
        when:
        blobs.failSave = true
        upload()

        then:
        thrown(UnavailableException)
        blobs.keys().isEmpty()
        service.list(alice, DocumentFilter.all(), PageRequest.first()).total() == 0

        when: 'a title the rules refuse only once the row is made cannot happen: fields are checked before the bytes'
        blobs.failSave = false
        service.upload(alice, new Document.NewDocument('t' * 1001, null, null, null, null), 'application/pdf', 'x'.bytes)

        then:
        thrown(RuleViolationException)
        blobs.keys().isEmpty()
    }

    def 'a row write that fails after the bytes were saved takes the bytes with it'() {
        given:
        def failing = new InMemoryDocumentLibrary()
        def documents = new dev.researchvault.domain.document.DocumentRepository() {
            @Delegate dev.researchvault.domain.document.DocumentRepository inner = failing.documents
            void add(Document document) { throw new IllegalStateException('simulated vault.db failure') }
        }
        def failingService = new DocumentService(scope.vaultWork(), documents, failing.groups, writing, blobs, new dev.researchvault.application.blob.InMemoryBlobUploads(blobs),
                UploadLimits.of(new FileSizeLimit(1024)), pending, events, clock)

        when:
        failingService.upload(alice, new Document.NewDocument('t', null, null, null, null), 'application/pdf', 'x'.bytes)

        then:
        thrown(IllegalStateException)
        blobs.keys().isEmpty()
    }

    def 'above the size limit or with a bad media type nothing is stored'() {
        when:
        service.upload(alice, new Document.NewDocument('big', null, null, null, null), 'application/pdf', new byte[1025])

        then:
        def tooLarge = thrown(LimitExceededException)
        tooLarge.code() == 'file.too-large'

        when:
        service.upload(alice, new Document.NewDocument('bad', null, null, null, null), 'text/plain\r\nX: y', 'x'.bytes)

        then:
        thrown(RuleViolationException)
        blobs.keys().isEmpty()
    }

    def 'the file answers its bytes, and 304 when If-None-Match names its tag'() {
        given:
        DocumentView view = upload('f', 'content'.bytes)

        when:
        FileDownload first = service.download(alice, view.document().id(), null)

        then:
        first instanceof FileDownload.Content
        (first as FileDownload.Content).bytes().bytes == 'content'.bytes
        first.etag() == "\"${view.document().sha256()}\""
        service.download(alice, view.document().id(), first.etag()) instanceof FileDownload.NotModified
    }

    def 'status moves follow the domain rules; an illegal one is a conflict and changes nothing'() {
        given:
        UUID id = upload().document().id()

        when:
        service.update(alice, id, changes(DocumentStatus.COMPLETED, null))

        then:
        def illegal = thrown(ConflictException)
        illegal.code() == 'document.illegal-status-change'
        service.get(alice, id).document().status() == DocumentStatus.PENDING

        when:
        clock.advance(java.time.Duration.ofSeconds(1))
        service.update(alice, id, changes(DocumentStatus.PROCESSING, null))
        def failed = service.update(alice, id, changes(DocumentStatus.FAILED, 'no text layer')).document()

        then:
        failed.error() == 'no text layer'
        failed.updatedAt() == T0.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
        service.update(alice, id, changes(DocumentStatus.PROCESSING, null)).document().error() == null

        and: 'each committed status change was announced after its transaction; the refused one was not'
        events.published*.event*.data()*.status == ['processing', 'failed', 'processing']
        events.published.every { it.user == alice.userId() && !it.insideTransaction && it.event.type() == 'document.updated' }
        events.published[1].event.data().error == 'no text layer'
    }

    def 'text and chunks need the document, check their limits, and go with it'() {
        given:
        UUID id = upload().document().id()

        when:
        service.putText(alice, UUID.randomUUID(), 'x')

        then:
        thrown(NotFoundException)

        when:
        service.putText(alice, id, 'x' * (DocumentService.MAX_TEXT_LENGTH + 1))

        then:
        def tooLong = thrown(LimitExceededException)
        tooLong.code() == 'document.text-too-large'

        when:
        service.replaceChunks(alice, id, [new DocumentChunk(1, 'a', 0, 1, [:]), new DocumentChunk(1, 'b', 1, 2, [:])])

        then:
        def repeated = thrown(RuleViolationException)
        repeated.code() == 'document.invalid-chunks'

        when:
        service.putText(alice, id, 'all of it')
        service.replaceChunks(alice, id, [new DocumentChunk(0, 'all', 0, 3, [:])])
        service.delete(alice, id)

        then:
        blobs.keys().isEmpty()
        library.documents.with { d -> InMemoryVaultScope.bind(alice.userId()) { d.text(id) } }.isEmpty()

        when:
        service.chunks(alice, id, PageRequest.first())

        then:
        thrown(NotFoundException)
    }

    def 'documents name their groups; a group filter of an unknown group is not found'() {
        given:
        UUID id = upload().document().id()
        def physics = groups.create(alice, 'Physics', null).group()
        groups.addDocument(alice, physics.id(), id)
        groups.addDocument(alice, physics.id(), id)

        expect:
        service.get(alice, id).groups()*.name() == ['Physics']
        service.list(alice, new DocumentFilter(null, physics.id(), null), PageRequest.first()).items()*.document()*.id() == [id]
        groups.get(alice, physics.id()).documentCount() == 1

        when:
        service.list(alice, new DocumentFilter(null, UUID.randomUUID(), null), PageRequest.first())

        then:
        def unknown = thrown(NotFoundException)
        unknown.code() == 'document-group.not-found'
    }

    def "a deleted document's draft references keep their citation and lose the link, in the delete's transaction"() {
        given:
        DocumentView doc = upload()
        UUID docId = doc.document().id()
        def session = WritingSession.create(UUID.randomUUID(), 'essay', null, T0)
        def draft = Draft.create(UUID.randomUUID(), session.id(), 'intro', 'text', T0)
        def reference = new DraftReference(UUID.randomUUID(), draft.id(), 'Smith 2024', docId, null, null, null, null, T0)
        scope.vaultWork().inTransaction(alice) {
            writing.addSession(session)
            writing.addDraft(draft)
            writing.addReference(reference)
        }

        when:
        service.delete(alice, docId)

        then:
        with(InMemoryVaultScope.bind(alice.userId()) { writing.references(draft.id()) }.first()) {
            citation() == 'Smith 2024'
            documentId() == null
        }
    }

    def 'the reconciliation knows documents as owners: their bytes stay, bytes without a row go'() {
        given:
        UUID kept = upload().document().id()
        UUID orphan = UUID.randomUUID()
        InMemoryVaultScope.bind(alice.userId()) { blobs.save(BlobKey.file(orphan, 0), 'application/pdf', 'left'.bytes) }
        def reconciliation = new BlobReconciliation(blobs, [library.documents.&existing as dev.researchvault.domain.blob.BlobOwners], pending)

        when:
        def report = InMemoryVaultScope.bind(alice.userId()) { reconciliation.reconcile() }

        then:
        report.unreferencedOwners() == 1
        blobs.keys() == ["${kept}/0".toString()]
    }

    static Document.DocumentChanges changes(DocumentStatus status, String error) {
        new Document.DocumentChanges(null, null, null, false, null, status, error)
    }
}
