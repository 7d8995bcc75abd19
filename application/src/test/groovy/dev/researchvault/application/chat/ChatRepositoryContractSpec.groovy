package dev.researchvault.application.chat

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.support.CursorWalk
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.ChatSummary
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageFile
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.chat.MessageSource
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link ChatRepository} must do. A concrete subclass per adapter provides the repository
 * and, when the adapter needs one, a bound vault around each call ({@link #inVault}).
 */
abstract class ChatRepositoryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2024-05-01T10:00:00.456Z')

    /** A fresh, empty repository for each feature. */
    abstract ChatRepository repository()

    /** Runs {@code work} where the repository can reach its storage; in one transaction for SQL adapters. */
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    ChatRepository repo

    def setup() {
        repo = repository()
    }

    Chat chat(String title, Instant at = T0) {
        Chat chat = Chat.create(UUID.randomUUID(), title, at)
        inVault { repo.add(chat) }
        chat
    }

    /** An agent that chats may belong to (stored where the adapter needs it: a foreign key in SQL). */
    Agent storedAgent(String name) {
        Agent.create(UUID.randomUUID(), name, null, 'llama3', null, true, [:], T0)
    }

    Message message(UUID chatId, String content, Instant at = T0, List<MessageFile> files = []) {
        Message message = new Message(UUID.randomUUID(), chatId, MessageRole.USER, content, files, at)
        inVault { repo.addMessage(message) }
        message
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        Chat kept = chat('kept')

        when:
        call(repo, kept)

        then:
        thrown(NoVaultBoundException)
        inVault { repo.find(kept.id()) }.get().messageCount() == 0
        inVault { repo.find(kept.id()) }.get().chat() == kept

        where:
        method             | call
        'add'              | { ChatRepository r, Chat k -> r.add(Chat.create(UUID.randomUUID(), 'new', T0)) }
        'find'             | { ChatRepository r, Chat k -> r.find(k.id()) }
        'list'             | { ChatRepository r, Chat k -> r.list(new PageRequest(0, 10)) }
        'delete'           | { ChatRepository r, Chat k -> r.delete(k.id()) }
        'addMessage'       | { ChatRepository r, Chat k -> r.addMessage(new Message(UUID.randomUUID(), k.id(), MessageRole.USER, 'x', [], T0)) }
        'findMessage'      | { ChatRepository r, Chat k -> r.findMessage(UUID.randomUUID()) }
        'messageIds'       | { ChatRepository r, Chat k -> r.messageIds(k.id()) }
        'existingMessages' | { ChatRepository r, Chat k -> r.existingMessages([UUID.randomUUID()]) }
        'messages'         | { ChatRepository r, Chat k -> r.messages(k.id(), new PageRequest(0, 10)) }
        'touch'            | { ChatRepository r, Chat k -> r.touch(k.id(), T0.plusSeconds(60)) }
        'listOfAgent'      | { ChatRepository r, Chat k -> r.listOfAgent(UUID.randomUUID(), new PageRequest(0, 10)) }
        'update'           | { ChatRepository r, Chat k -> r.update(k.renamed('renamed', T0.plusSeconds(60))) }
        'detachAgent'      | { ChatRepository r, Chat k -> r.detachAgent(UUID.randomUUID()) }
        'updateMessage'    | { ChatRepository r, Chat k -> r.updateMessage(new Message(UUID.randomUUID(), k.id(), MessageRole.USER, 'x', [], T0)) }
        'deleteMessage'    | { ChatRepository r, Chat k -> r.deleteMessage(UUID.randomUUID()) }
    }

    def "a message with model, sources, usage and metadata reads back exactly; a plain one has none of them"() {
        given:
        Chat owner = chat('rich')
        UUID research = UUID.randomUUID()
        // Decimals as doubles: what a JSON reader (the HTTP body, a JSON column) hands over for 0.2.
        Message rich = new Message(UUID.randomUUID(), owner.id(), MessageRole.ASSISTANT, 'Photons are… [1]', [], T0,
                'gpt-4o', [new MessageSource('Entanglement', 'https://example.org/e?q=1&r=ü', 'spooky', research, UUID.randomUUID()),
                           new MessageSource('Plain', 'https://example.org/p', null, null, null)],
                new TokenUsage(1500, 420, 0.0123456), [temperature: 0.3d, tags: ['a', 'b'], deep: [ok: true]], null)
        Message plain = message(owner.id(), 'hi', T0.plusSeconds(1))

        when:
        inVault { repo.addMessage(rich) }

        then:
        inVault { repo.findMessage(rich.id()) }.get() == rich
        with(inVault { repo.findMessage(plain.id()) }.get()) {
            model() == null
            sources() == []
            usage() == null
            metadata() == [:]
            editedAt() == null
        }
    }

    def "an edited message keeps everything but its content and edit time; a deleted one is gone alone"() {
        given:
        Chat owner = chat('edits')
        Message first = message(owner.id(), 'frist', T0)
        Message second = message(owner.id(), 'second', T0.plusSeconds(1))

        when:
        Message fixed = first.edited('first', T0.plusSeconds(5))
        inVault { repo.updateMessage(fixed) }

        then:
        inVault { repo.findMessage(first.id()) }.get() == fixed
        fixed.createdAt() == T0

        expect:
        inVault { repo.deleteMessage(second.id()) }
        !inVault { repo.deleteMessage(second.id()) }
        inVault { repo.messages(owner.id(), new PageRequest(0, 10)) }.items() == [fixed]
        inVault { repo.find(owner.id()) }.get().messageCount() == 1
    }

    def "a chat may belong to an agent; it is renamed and moved between agents; detaching keeps the agent's name"() {
        given:
        Agent writer = storedAgent('Writer')
        Agent editor = storedAgent('Editor')
        Chat theirs = Chat.create(UUID.randomUUID(), 'drafts', writer, T0)
        inVault { repo.add(theirs) }
        Chat loose = chat('loose', T0.plusSeconds(1))

        expect:
        inVault { repo.find(theirs.id()) }.get().chat() == theirs
        inVault { repo.listOfAgent(writer.id(), new PageRequest(0, 10)) }.items()*.chat()*.id() == [theirs.id()]
        inVault { repo.listOfAgent(writer.id(), new PageRequest(0, 10)) }.total() == 1

        when:
        Chat moved = theirs.renamed('edits', T0.plusSeconds(2)).ofAgent(editor, T0.plusSeconds(2))
        inVault { repo.update(moved) }

        then:
        inVault { repo.find(theirs.id()) }.get().chat() == moved
        inVault { repo.listOfAgent(writer.id(), new PageRequest(0, 10)) }.items() == []
        inVault { repo.list(new PageRequest(0, 10)) }.items()*.chat()*.id() == [theirs.id(), loose.id()]

        when:
        inVault { repo.detachAgent(editor.id()) }

        then:
        with(inVault { repo.find(theirs.id()) }.get().chat()) {
            agentId() == null
            agentName() == 'Editor'
            title() == 'edits'
        }
        inVault { repo.find(loose.id()) }.get().chat() == loose
    }

    def 'a new chat reads back with no messages'() {
        given:
        Chat chat = chat('Plans')

        expect:
        inVault { repo.find(chat.id()) }.get() == new ChatSummary(chat, 0)
        inVault { repo.find(UUID.randomUUID()) }.isEmpty()
    }

    def 'the list shows the latest updated chats first, each with its message count'() {
        given:
        Chat old = chat('old', T0)
        Chat recent = chat('recent', T0.plusSeconds(10))
        Chat quiet = chat('quiet', T0.plusSeconds(5))
        3.times { message(old.id(), "m$it") }
        message(recent.id(), 'hello')

        when:
        inVault { repo.touch(old.id(), T0.plusSeconds(20)) }

        then:
        with(inVault { repo.list(PageRequest.first()) }) {
            items()*.chat()*.id() == [old.id(), recent.id(), quiet.id()]
            items()*.messageCount() == [3L, 1L, 0L]
            items()[0].chat().updatedAt() == T0.plusSeconds(20)
            total() == 3
        }
    }

    def 'the chat list pages'() {
        given:
        def ids = (0..4).collect { chat("c$it", T0.plusSeconds(it)).id() }

        expect:
        with(inVault { repo.list(new PageRequest(page, 2)) }) {
            items()*.chat()*.id() == expected.collect { ids[it] }
            total() == 5
        }

        where:
        page || expected
        0    || [4, 3]
        2    || [0]
        5    || []
    }

    def 'following next from the first page visits every chat once, latest updated first, ties latest added first'() {
        given: 'seven chats over three milliseconds, so that cursors fall between chats of the same time'
        def latestFirst = [0, 0, 0, 1, 1, 2, 2].collect { chat('c', T0.plusMillis(it)).id() }.reverse()

        when:
        List<Page<ChatSummary>> pages = inVault { CursorWalk.pages(size) { repo.list(it) } }

        then:
        pages.collectMany { it.items()*.chat()*.id() } == latestFirst
        pages.collect { it.items().size() } == sizes
        pages*.total() == [7L] * sizes.size()

        where:
        size || sizes
        1    || [1] * 7
        3    || [3, 3, 1]
        7    || [7]
    }

    def 'a page by number offers the cursor of what follows it, and the last page none'() {
        given:
        def latestFirst = (0..4).collect { chat("c$it", T0.plusSeconds(it)).id() }.reverse()

        when:
        Page<ChatSummary> first = inVault { repo.list(new PageRequest(0, 3)) }
        Page<ChatSummary> rest = inVault { repo.list(PageRequest.after(first.next(), 3)) }

        then:
        rest.items()*.chat()*.id() == latestFirst[3..4]
        rest.next() == null
        inVault { repo.list(new PageRequest(0, 5)) }.next() == null
    }

    def 'a walk goes on after the chat of its cursor is deleted or updated, and does not meet it again'() {
        given: 'five chats of the same millisecond, the second with messages'
        def latestFirst = (0..4).collect { chat("c$it").id() }.reverse()
        2.times { message(latestFirst[1], "m$it") }
        Page<ChatSummary> first = inVault { repo.list(new PageRequest(0, 2)) }

        when: 'the chat of the cursor gets a message, and the next one is deleted'
        inVault { repo.touch(latestFirst[1], T0.plusSeconds(1)) }
        inVault { repo.delete(latestFirst[2]) }
        Page<ChatSummary> rest = inVault { repo.list(PageRequest.after(first.next(), 10)) }

        then:
        first.items()*.chat()*.id() == latestFirst[0..1]
        first.items()*.messageCount() == [0L, 2L]
        rest.items()*.chat()*.id() == latestFirst[3..4]
        rest.total() == 4
    }

    def 'an empty chat list has no items and no next'() {
        expect:
        with(inVault { repo.list(PageRequest.first()) }) {
            items().isEmpty()
            total() == 0
            next() == null
        }
        inVault { repo.list(PageRequest.after(new PageCursor(PageCursor.Listing.CHATS, T0, 1), 5)) }.items().isEmpty()
    }

    def 'a cursor of the research list is refused'() {
        given:
        chat('one')

        when:
        inVault { repo.list(PageRequest.after(new PageCursor(PageCursor.Listing.RESEARCH, T0.plusSeconds(1), 1), 5)) }

        then:
        RuleViolationException refused = thrown()
        refused.code() == 'page.invalid-cursor'
    }

    def 'messages list oldest first, paged, and keep their file metadata'() {
        given:
        Chat chat = chat('files')
        def files = [new MessageFile(0, 'a.png', 'image/png', 1234, true), new MessageFile(1, 'b.pdf', 'application/pdf', 99, false)]
        def messages = (0..3).collect { message(chat.id(), "m$it", T0.plusSeconds(it), it == 0 ? files : []) }

        expect:
        inVault { repo.messages(chat.id(), new PageRequest(0, 3)) }.items() == messages[0..2]
        inVault { repo.messages(chat.id(), new PageRequest(1, 3)) }.items() == messages[3..3]
        inVault { repo.messages(chat.id(), new PageRequest(0, 3)) }.total() == 4
        inVault { repo.findMessage(messages[0].id()) }.get().files() == files
        inVault { repo.findMessage(UUID.randomUUID()) }.isEmpty()
    }

    def 'messages of the same millisecond keep the order they were added in'() {
        given:
        Chat chat = chat('burst')
        def messages = (0..4).collect { message(chat.id(), "m$it") }

        expect:
        inVault { repo.messages(chat.id(), PageRequest.first()) }.items() == messages
    }

    def 'deleting a chat deletes its messages and nothing of other chats'() {
        given:
        Chat doomed = chat('doomed')
        Chat kept = chat('kept')
        Message gone = message(doomed.id(), 'bye')
        message(kept.id(), 'stay')

        when:
        boolean deleted = inVault { repo.delete(doomed.id()) }

        then:
        deleted
        inVault { repo.find(doomed.id()) }.isEmpty()
        inVault { repo.findMessage(gone.id()) }.isEmpty()
        inVault { repo.find(kept.id()) }.get().messageCount() == 1
        !inVault { repo.delete(doomed.id()) }
    }

    def 'the message ids of a chat are those of its messages only'() {
        given:
        Chat mine = chat('ids')
        Chat other = chat('other')
        def ids = (0..2).collect { message(mine.id(), "m$it").id() }
        message(other.id(), 'not mine')

        expect:
        inVault { repo.messageIds(mine.id()) } as Set == ids as Set
        inVault { repo.messageIds(UUID.randomUUID()) }.isEmpty()
    }

    def 'which of some ids are messages: those of any chat, not of deleted chats, not unknown ids'() {
        given:
        Chat first = chat('first')
        Chat second = chat('second')
        UUID inFirst = message(first.id(), 'one').id()
        UUID inSecond = message(second.id(), 'two').id()
        UUID unknown = UUID.randomUUID()

        expect:
        inVault { repo.existingMessages([inFirst, inSecond, unknown, first.id()]) } == [inFirst, inSecond] as Set
        inVault { repo.existingMessages([]) }.isEmpty()

        when:
        inVault { repo.delete(first.id()) }

        then:
        inVault { repo.existingMessages([inFirst, inSecond]) } == [inSecond] as Set
    }

    def 'which ids are messages is answered for a batch of hundreds'() {
        given:
        Chat chat = chat('many')
        def ids = (1..300).collect { message(chat.id(), "m$it").id() }
        def strangers = (1..300).collect { UUID.randomUUID() }

        expect:
        inVault { repo.existingMessages(ids + strangers) } == ids as Set
    }

    def 'touching an unknown chat changes nothing'() {
        when:
        inVault { repo.touch(UUID.randomUUID(), T0) }

        then:
        inVault { repo.list(PageRequest.first()) }.total() == 0
    }
}
