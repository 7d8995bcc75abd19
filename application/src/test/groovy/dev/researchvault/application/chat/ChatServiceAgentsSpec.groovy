package dev.researchvault.application.chat

import dev.researchvault.application.blob.UploadLimits
import dev.researchvault.application.blob.FileSizeLimit
import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.agent.AgentService
import dev.researchvault.application.agent.AgentVaults
import dev.researchvault.application.agent.ExecutionService
import dev.researchvault.application.agent.ManageAgentsUseCase.NewAgent
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.blob.PendingBlobOwners
import dev.researchvault.application.support.RecordingChangeFeed
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.blob.BlobStore
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Chats that belong to agents: created, listed, renamed and moved; a deleted chat leaves its executions. */
class ChatServiceAgentsSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123Z')

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    RecordingChangeFeed events = new RecordingChangeFeed()
    AgentVaults vaults = new AgentVaults()
    BlobStore blobs = VaultPerUser.of(BlobStore) { new InMemoryBlobStore() }
    ChatService service = new ChatService(scope.vaultWork(), vaults.chats, vaults.agents, vaults.executions, vaults.research,
            vaults.writing, blobs, new dev.researchvault.application.blob.InMemoryBlobUploads(blobs), UploadLimits.of(new FileSizeLimit(1024)), new PendingBlobOwners(), events, clock)
    AgentService agents = new AgentService(scope.vaultWork(), vaults.agents, vaults.executions, vaults.chats, clock)
    ExecutionService executions = new ExecutionService(scope.vaultWork(), vaults.executions, vaults.agents, vaults.chats, events, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')
    Agent writer = agents.create(alice, new NewAgent('Writer', null, 'm', null, null, null))
    Agent editor = agents.create(alice, new NewAgent('Editor', null, 'm', null, null, null))

    def "a chat of an agent records the agent and is listed by it"() {
        when:
        def chat = service.create(alice, 'drafts', writer.id()).chat()
        def loose = service.create(alice, 'loose').chat()

        then:
        chat.agentId() == writer.id()
        chat.agentName() == 'Writer'
        loose.agentId() == null
        service.listOfAgent(alice, writer.id(), PageRequest.first()).items()*.chat() == [chat]
        service.list(alice, PageRequest.first()).total() == 2
        scope.onlyBound(alice)
    }

    def "an unknown agent, or another user's, is not found and no chat is made"() {
        when:
        service.create(bob, 'mine?', writer.id())

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'agent.not-found'
        service.list(bob, PageRequest.first()).total() == 0
    }

    def "a chat is renamed and moved to another agent together; a bad title changes nothing"() {
        given:
        def chat = service.create(alice, 'drafts', writer.id()).chat()
        clock.advance(Duration.ofSeconds(3))

        when:
        def changed = service.update(alice, chat.id(), 'edits', editor.id()).chat()

        then:
        changed.title() == 'edits'
        changed.agentName() == 'Editor'
        changed.updatedAt() == T0 + Duration.ofSeconds(3)
        service.get(alice, chat.id()).chat() == changed

        when:
        service.update(alice, chat.id(), ' ', writer.id())

        then:
        thrown(RuleViolationException)
        service.get(alice, chat.id()).chat() == changed

        when:
        service.update(alice, chat.id(), null, UUID.randomUUID())

        then:
        thrown(NotFoundException)
        service.get(alice, chat.id()).chat() == changed
    }

    def "a posted message is announced to its owner after it committed; a refused one is not"() {
        given:
        def chat = service.create(alice, 'c', null).chat().id()
        events.published.clear()

        when:
        def message = service.post(alice, chat, new PostMessageCommand(MessageRole.USER, 'hello', []))
        try { service.post(bob, chat, new PostMessageCommand(MessageRole.USER, 'not yours', [])) } catch (NotFoundException ignored) { }
        try { service.post(alice, chat, new PostMessageCommand(MessageRole.USER, ' ', [])) } catch (RuleViolationException ignored) { }

        then:
        events.published.size() == 1
        with(events.published[0]) {
            user == alice.userId()
            !insideTransaction
            event.type() == 'message.created'
            event.data() == [id: message.id().toString(), chatId: chat.toString(), role: 'user',
                             createdAt: message.createdAt().toString()]
        }
    }

    def "deleting a chat keeps its executions, detached from it"() {
        given:
        def chat = service.create(alice, 'work', writer.id()).chat()
        def execution = executions.start(alice, writer.id(), chat.id(), 'go')

        when:
        service.delete(alice, chat.id())

        then:
        executions.get(alice, execution.id()).chatId() == null
        executions.get(alice, execution.id()).agentId() == writer.id()
    }
}
