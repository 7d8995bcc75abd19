package dev.researchvault.application.chat

import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.account.Session
import dev.researchvault.application.agent.InMemoryAgentRepository
import dev.researchvault.application.agent.InMemoryExecutionRepository
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.blob.InMemoryBlobUploads
import dev.researchvault.domain.NotFoundException
import dev.researchvault.application.blob.PendingBlobOwners
import dev.researchvault.application.research.InMemoryResearchRepository
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.writing.InMemoryWritingRepository
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

/** Messages with files: bytes and rows stay consistent when either store fails. */
class ChatServiceFilesSpec extends Specification {

    /** A blob store whose n-th save fails, as a full disk would. */
    static class FailingBlobStore extends InMemoryBlobStore {
        int failOnSave = -1
        int saves
        List<UUID> savedFor = []

        @Override
        BlobInfo save(BlobKey key, String mime, byte[] data) {
            savedFor << key.messageId()
            if (saves++ == failOnSave) {
                throw new UnavailableException('blob.unavailable', 'simulated failure')
            }
            super.save(key, mime, data)
        }
    }

    /** Runs the work; a failing add of the message stands for a failing vault.db write. */
    static class FailingChatRepository extends InMemoryChatRepository {
        boolean failAdd

        @Override
        synchronized void addMessage(Message message) {
            if (failAdd) {
                throw new IllegalStateException('simulated vault.db failure')
            }
            super.addMessage(message)
        }
    }

    FailingBlobStore blobs = new FailingBlobStore()
    InMemoryBlobUploads uploads = new InMemoryBlobUploads(blobs)
    FailingChatRepository repository = new FailingChatRepository()
    PendingBlobOwners pending = new PendingBlobOwners()
    ChatService service = new ChatService(InMemoryVaultScope.work(), repository, new InMemoryAgentRepository(),
            new InMemoryExecutionRepository(), new InMemoryResearchRepository(), new InMemoryWritingRepository(),
            blobs, uploads, UploadLimits.of(new FileSizeLimit(10)),
            pending, dev.researchvault.application.events.ChangeFeed.NONE, Clock.fixed(Instant.parse('2024-05-01T10:00:00Z'), ZoneOffset.UTC))
    Session caller = new Session('t', UserId.random(), new Username('ann'), new MasterKey(new byte[32]), 0,
            Instant.EPOCH, Instant.MAX)
    UUID chat = service.create(caller, 'files').chat().id()

    static PostMessageCommand withFiles(List<NewFile> files) {
        new PostMessageCommand(MessageRole.USER, '', files)
    }

    static NewFile file(String text, String thumbnail = null) {
        new NewFile('f.txt', 'text/plain', text.bytes, thumbnail ? 'image/png' : null, thumbnail?.bytes)
    }

    def 'files are stored under <messageId>/<index> with their thumbnails, metadata in the row'() {
        when:
        Message message = service.post(caller, chat, withFiles([file('one'), file('two', 'tt')]))

        then:
        blobs.keys() == ["${message.id()}/0", "${message.id()}/1", "${message.id()}/1.thumb"]*.toString()
        message.files()*.size() == [3L, 3L]
        message.files()*.hasThumbnail() == [false, true]
        service.messages(caller, chat, PageRequest.first()).items() == [message]
    }

    def 'when a blob save fails, no row is written and no blob is left'() {
        given:
        blobs.failOnSave = 2

        when:
        service.post(caller, chat, withFiles([file('one'), file('two'), file('three')]))

        then:
        thrown(UnavailableException)
        blobs.keys().isEmpty()
        service.messages(caller, chat, PageRequest.first()).total() == 0
    }

    def 'when the row cannot be written, the blobs already saved are deleted again'() {
        given:
        repository.failAdd = true

        when:
        service.post(caller, chat, withFiles([file('one', 'th')]))

        then:
        thrown(IllegalStateException)
        blobs.keys().isEmpty()
    }

    def 'a file or thumbnail above the limit stores nothing'() {
        when:
        service.post(caller, chat, withFiles([file('fits'), file(big, thumb)]))

        then:
        def refused = thrown(LimitExceededException)
        refused.code() == 'file.too-large'
        blobs.saves == 0
        service.messages(caller, chat, PageRequest.first()).total() == 0

        where:
        big               | thumb
        'eleven bytes'    | null
        'ok'              | 'eleven bytes'
    }

    /** Stages {@code text} as an upload, as POST /api/v1/uploads does, kept until an hour after the spec's clock. */
    UUID upload(String text, String name = null) {
        uploads.stage('text/csv', Optional.ofNullable(name), new ByteArrayInputStream(text.bytes), { long size -> },
                Instant.parse('2024-05-01T11:00:00Z')).id()
    }

    def 'a message takes uploaded files by id, beside files sent with it, and each upload only once'() {
        given:
        UUID first = upload('a,b', 'data.csv')
        UUID second = upload('c,d', 'raw.csv')

        when:
        Message message = service.post(caller, chat, withFiles([new UploadedFile(first, Optional.empty()), file('inline'),
                                                               new UploadedFile(second, Optional.of('renamed.csv'))]))

        then:
        message.files()*.name() == ['data.csv', 'f.txt', 'renamed.csv']
        message.files()*.mime() == ['text/csv', 'text/plain', 'text/csv']
        message.files()*.size() == [3L, 6L, 3L]
        blobs.keys() == (0..2).collect { "${message.id()}/$it".toString() }
        uploads.count() == 0

        when: 'the same upload again'
        service.post(caller, chat, withFiles([new UploadedFile(first, Optional.empty())]))

        then:
        def gone = thrown(NotFoundException)
        gone.code() == 'upload.not-found'
        service.messages(caller, chat, PageRequest.first()).total() == 1
    }

    def 'an upload without a name needs one from the message'() {
        given:
        UUID nameless = upload('x')

        when:
        service.post(caller, chat, withFiles([new UploadedFile(nameless, Optional.empty())]))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'chat.invalid-file-name'
        uploads.count() == 1
        blobs.keys().isEmpty()
    }

    def 'an upload above the limit when the message takes it stores nothing'() {
        given: 'uploaded under a larger limit than the message service has'
        UUID large = upload('eleven bytes', 'big.txt')

        when:
        service.post(caller, chat, withFiles([new UploadedFile(large, Optional.empty())]))

        then:
        thrown(LimitExceededException)
        blobs.keys().isEmpty()
        uploads.count() == 1
    }

    def 'deleting a chat deletes the blobs of all its messages and of no other chat'() {
        given:
        UUID other = service.create(caller, 'other').chat().id()
        2.times { service.post(caller, chat, withFiles([file('a', 'b')])) }
        Message kept = service.post(caller, other, withFiles([file('k')]))

        when:
        service.delete(caller, chat)

        then:
        blobs.keys() == ["${kept.id()}/0".toString()]
    }

    def 'a post is pending for the reconciliation from its first file until its row is in, and not after'() {
        given: 'a blob store and a repository that note whether the message is pending when they are called'
        def pendingAtSave = []
        def pendingAtRow = []
        def spyBlobs = new InMemoryBlobStore() {
            @Override
            BlobInfo save(BlobKey key, String mime, byte[] data) {
                pendingAtSave << pending.isPending(key.messageId())
                super.save(key, mime, data)
            }
        }
        def spyRows = new InMemoryChatRepository() {
            @Override
            synchronized void addMessage(Message message) {
                pendingAtRow << pending.isPending(message.id())
                super.addMessage(message)
            }
        }
        def spied = new ChatService(InMemoryVaultScope.work(), spyRows, new InMemoryAgentRepository(),
                new InMemoryExecutionRepository(), new InMemoryResearchRepository(),
                new InMemoryWritingRepository(), spyBlobs, uploads, UploadLimits.of(new FileSizeLimit(10)), pending,
                dev.researchvault.application.events.ChangeFeed.NONE, Clock.systemUTC())
        UUID spiedChat = spied.create(caller, 'spied').chat().id()

        when:
        Message message = spied.post(caller, spiedChat, withFiles([file('one', 'th'), file('two')]))

        then:
        pendingAtSave == [true, true, true]
        pendingAtRow == [true]
        !pending.isPending(message.id())
    }

    def 'a post that failed is not left pending'() {
        given:
        repository.failAdd = true

        when:
        service.post(caller, chat, withFiles([file('one')]))

        then:
        thrown(IllegalStateException)
        blobs.savedFor.size() == 1
        !pending.isPending(blobs.savedFor[0])
    }
}
