package dev.researchvault.application.chat

import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.agent.AgentVaults
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.chat.MessageSource
import dev.researchvault.domain.usage.TokenUsage
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Editing and deleting single messages in the caller's vault. */
class MessageEditServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123Z')

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    AgentVaults vaults = new AgentVaults()
    BlobStore blobs = VaultPerUser.of(BlobStore) { new InMemoryBlobStore() }
    ChatService chats = new ChatService(scope.vaultWork(), vaults.chats, vaults.agents, vaults.executions, vaults.research,
            vaults.writing, blobs, new dev.researchvault.application.blob.InMemoryBlobUploads(blobs),
            UploadLimits.of(new FileSizeLimit(1024)), new dev.researchvault.application.blob.PendingBlobOwners(),
            dev.researchvault.application.events.ChangeFeed.NONE, clock)
    MessageEditService service = new MessageEditService(scope.vaultWork(), vaults.chats, blobs, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')
    UUID chat = chats.create(alice, 'chat').chat().id()

    Message post(String content, List<NewFile> files = []) {
        chats.post(alice, chat, new PostMessageCommand(MessageRole.ASSISTANT, content, files, 'gpt-4o',
                [new MessageSource('S', 'https://s.example', null, null, null)], new TokenUsage(5, 6, null), [k: 'v']))
    }

    def "an edit replaces the content only, and records when"() {
        given:
        Message original = post('frist')
        clock.advance(Duration.ofMinutes(1))

        when:
        Message edited = service.edit(alice, original.id(), 'first')

        then:
        edited.content() == 'first'
        edited.editedAt() == T0 + Duration.ofMinutes(1)
        edited.createdAt() == original.createdAt()
        [edited.model(), edited.sources(), edited.usage(), edited.metadata()] ==
                [original.model(), original.sources(), original.usage(), original.metadata()]
        chats.messages(alice, chat, PageRequest.first()).items() == [edited]
        scope.onlyBound(alice)
    }

    def "content may not be emptied unless the message has files"() {
        given:
        Message text = post('words')
        Message withFile = post('', [new NewFile('a.txt', 'text/plain', 'a'.bytes, null, null)])

        when:
        service.edit(alice, text.id(), ' ')

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'chat.empty-message'
        chats.messages(alice, chat, PageRequest.first()).items()[0] == text

        expect:
        service.edit(alice, withFile.id(), '').content() == ''
    }

    def "deleting a message deletes its row and then its files, and leaves the others"() {
        given:
        Message doomed = post('doomed', [new NewFile('a.txt', 'text/plain', 'a'.bytes, null, null)])
        Message kept = post('kept', [new NewFile('b.txt', 'text/plain', 'b'.bytes, null, null)])

        when:
        service.delete(alice, doomed.id())

        then:
        chats.messages(alice, chat, PageRequest.first()).items() == [kept]
        !scope.vaultWork().inVault(alice) { blobs.exists(BlobKey.file(doomed.id(), 0)) }
        scope.vaultWork().inVault(alice) { blobs.exists(BlobKey.file(kept.id(), 0)) }
    }

    def "another user's message, or an unknown one, is not found and stays"() {
        given:
        Message hers = post('hers')

        when:
        operation(service, bob, hers.id())

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'chat.message-not-found'
        chats.messages(alice, chat, PageRequest.first()).items() == [hers]

        where:
        operation << [{ MessageEditService s, Session who, UUID id -> s.edit(who, id, 'x') },
                      { MessageEditService s, Session who, UUID id -> s.delete(who, id) }]
    }
}
