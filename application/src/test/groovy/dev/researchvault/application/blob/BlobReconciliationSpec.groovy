package dev.researchvault.application.blob

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobOwners
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import spock.lang.Specification

import java.time.Instant

/** Unreferenced blobs are deleted, referenced and pending ones kept, in bounded batches, with counts. */
class BlobReconciliationSpec extends Specification {

    static final Instant T0 = Instant.parse('2024-05-01T10:00:00Z')

    InMemoryBlobStore blobs = new InMemoryBlobStore()
    InMemoryChatRepository chats = new InMemoryChatRepository()
    PendingBlobOwners pending = new PendingBlobOwners()
    Chat chat = Chat.create(UUID.randomUUID(), 'chat', T0)

    def cleanup() {
        InMemoryVaultScope.leave()
    }

    /** The code under test runs inside the vault its caller bound; so does every feature here. */
    def setup() {
        InMemoryVaultScope.enter(InMemoryVaultScope.SOMEONE)
        chats.add(chat)
    }

    BlobReconciliation reconciliation(int batchSize = 200, List<BlobOwners> kinds = [chats::existingMessages as BlobOwners]) {
        new BlobReconciliation(blobs, kinds, pending, batchSize)
    }

    /** A message row with {@code files} files, each stored with a thumbnail. */
    UUID liveMessage(int files = 1) {
        UUID id = UUID.randomUUID()
        chats.addMessage(new Message(id, chat.id(), MessageRole.USER, 'hi', [], T0))
        storeFiles(id, files)
        id
    }

    /** Blobs with no row: what a crash after a chat deletion's commit leaves. */
    UUID leftover(int files = 1) {
        UUID id = UUID.randomUUID()
        storeFiles(id, files)
        id
    }

    void storeFiles(UUID owner, int files) {
        files.times { index ->
            blobs.save(BlobKey.file(owner, index), 'text/plain', "file $index".bytes)
            blobs.save(BlobKey.thumbnail(owner, index), 'image/png', 'thumb'.bytes)
        }
    }

    List<String> keysOf(UUID owner) {
        blobs.keys().findAll { it.startsWith(BlobKey.prefixOf(owner)) }
    }

    def 'blobs of owners no message has are deleted, those of messages kept, and the counts reported'() {
        given:
        UUID kept = liveMessage(2)
        UUID goneA = leftover(3)
        UUID goneB = leftover(1)

        when:
        def report = reconciliation().reconcile()

        then:
        report == new BlobReconciliation.Report(3, 2, 8)
        keysOf(goneA).isEmpty()
        keysOf(goneB).isEmpty()
        keysOf(kept).size() == 4
    }

    def 'nothing to do is a report of nothing, and a second run finds nothing more'() {
        expect:
        reconciliation().reconcile() == BlobReconciliation.Report.NONE

        when:
        liveMessage()
        leftover()
        reconciliation().reconcile()

        then:
        reconciliation().reconcile() == new BlobReconciliation.Report(1, 0, 0)
    }

    def 'many more owners than a batch holds are all worked through'() {
        given:
        def live = (1..5).collect { liveMessage() }
        def gone = (1..7).collect { leftover() }
        def asked = []
        BlobOwners counting = { Collection<UUID> ids -> asked << ids.size(); chats.existingMessages(ids) } as BlobOwners

        when:
        def report = reconciliation(3, [counting]).reconcile()

        then:
        report == new BlobReconciliation.Report(12, 7, 14)
        asked.every { it <= 3 }
        gone.every { keysOf(it).isEmpty() }
        live.every { keysOf(it).size() == 2 }
    }

    def 'blobs of a post still being written are kept, though its row is not there yet'() {
        given: 'a post that has saved its file but not committed its row'
        UUID posting = UUID.randomUUID()
        def registration = pending.register(posting)
        storeFiles(posting, 1)

        when:
        def report = reconciliation().reconcile()

        then:
        report.unreferencedOwners() == 0
        keysOf(posting).size() == 2

        cleanup:
        registration.close()
    }

    def 'a post that commits its row and stops being pending just after the rows were asked keeps its blobs'() {
        given: 'the post commits and unregisters right after the rows answered (checking rows first would lose it)'
        UUID posting = UUID.randomUUID()
        def registration = pending.register(posting)
        storeFiles(posting, 1)
        BlobOwners racing = { Collection<UUID> ids ->
            Set<UUID> answer = chats.existingMessages(ids)
            chats.addMessage(new Message(posting, chat.id(), MessageRole.USER, 'late', [], T0))
            registration.close()
            answer
        } as BlobOwners

        when:
        reconciliation(200, [racing]).reconcile()

        then:
        keysOf(posting).size() == 2
    }

    def 'an owner any kind of row still has keeps its blobs'() {
        given: 'a second kind of owner, as documents would be'
        UUID document = leftover(1)
        UUID gone = leftover(1)
        BlobOwners documents = { Collection<UUID> ids -> ids.findAll { it == document } as Set } as BlobOwners

        when:
        def report = reconciliation(200, [chats::existingMessages as BlobOwners, documents]).reconcile()

        then:
        report.unreferencedOwners() == 1
        keysOf(document).size() == 2
        keysOf(gone).isEmpty()
    }

    def 'a batch size below one is refused'() {
        when:
        reconciliation(0)

        then:
        thrown(IllegalArgumentException)
    }

    def "each run first removes the uploads nobody claimed in time, and keeps those still waiting"() {
        given:
        def uploads = new InMemoryBlobUploads(blobs)
        def stale = uploads.stage('text/plain', Optional.empty(), new ByteArrayInputStream('old'.bytes), { long size -> }, T0)
        def fresh = uploads.stage('text/plain', Optional.empty(), new ByteArrayInputStream('new'.bytes), { long size -> }, T0.plusSeconds(60))
        def reconciliation = new BlobReconciliation(blobs, [chats::existingMessages as BlobOwners], pending, 200,
                { -> uploads.removeExpired(T0) } as BlobReconciliation.ExpiredUploads)

        when:
        reconciliation.reconcile()

        then:
        uploads.find(stale.id(), T0.minusSeconds(1)).isEmpty()
        uploads.find(fresh.id(), T0).isPresent()
        uploads.count() == 1
    }
}
