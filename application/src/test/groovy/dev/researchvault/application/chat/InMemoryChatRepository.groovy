package dev.researchvault.application.chat

import dev.researchvault.application.vault.OneVault
import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.ChatSummary
import dev.researchvault.domain.chat.Message

import java.time.Instant

/** {@link ChatRepository} in memory. Insertion order stands in for SQLite's rowid in tie-breaks. */
class InMemoryChatRepository implements ChatRepository {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()

    private final Map<UUID, Chat> chats = new LinkedHashMap<>()
    /** Order of addition of each chat, never reused: SQLite's rowid for the list's ties and cursors. */
    private final Map<UUID, Long> sequences = [:]
    private long lastAdded
    private final NewestFirstSlices<Chat> latestFirst =
            new NewestFirstSlices<>(PageCursor.Listing.CHATS, { it.updatedAt() }, { sequences[it.id()] })
    private final List<Message> messageList = []
    /** Order of addition of each message, never reused: SQLite's rowid for ties and cursors. */
    private final Map<UUID, Long> messageSequences = [:]
    private long lastMessageAdded
    private final NewestFirstSlices<Message> oldestMessagesFirst = NewestFirstSlices.oldestFirst(
            PageCursor.Listing.MESSAGES, { Message m -> m.createdAt() }, { Message m -> messageSequences[m.id()] })

    @Override
    synchronized void add(Chat chat) {
        vault.enter()
        assert !chats.containsKey(chat.id())
        chats.put(chat.id(), chat)
        sequences[chat.id()] = ++lastAdded
    }

    @Override
    synchronized Optional<ChatSummary> find(UUID id) {
        vault.enter()
        Optional.ofNullable(chats.get(id)).map { summaryOf(it) }
    }

    @Override
    synchronized Page<ChatSummary> list(PageRequest page) {
        vault.enter()
        latestFirst.slice(chats.values(), page).map { summaryOf(it) }
    }

    @Override
    synchronized boolean delete(UUID id) {
        vault.enter()
        messageList.removeIf { it.chatId() == id }
        sequences.remove(id)
        chats.remove(id) != null
    }

    @Override
    synchronized void addMessage(Message message) {
        vault.enter()
        messageList << message
        messageSequences[message.id()] = ++lastMessageAdded
    }

    @Override
    synchronized Optional<Message> findMessage(UUID id) {
        vault.enter()
        Optional.ofNullable(messageList.find { it.id() == id })
    }

    @Override
    synchronized List<UUID> messageIds(UUID chatId) {
        vault.enter()
        messageList.findAll { it.chatId() == chatId }*.id()
    }

    @Override
    synchronized Set<UUID> existingMessages(Collection<UUID> ids) {
        vault.enter()
        Set<UUID> known = messageList*.id() as Set<UUID>
        ids.findAll { known.contains(it) } as Set<UUID>
    }

    @Override
    synchronized Page<Message> messages(UUID chatId, PageRequest page) {
        vault.enter()
        oldestMessagesFirst.slice(messageList.findAll { it.chatId() == chatId }, page)
    }

    @Override
    synchronized void touch(UUID chatId, Instant updatedAt) {
        vault.enter()
        Chat chat = chats.get(chatId)
        if (chat != null) {
            chats.put(chatId, chat.touched(updatedAt))
        }
    }

    @Override
    synchronized Page<ChatSummary> listOfAgent(UUID agentId, PageRequest page) {
        vault.enter()
        latestFirst.slice(chats.values().findAll { it.agentId() == agentId }, page).map { summaryOf(it) }
    }

    @Override
    synchronized void update(Chat chat) {
        vault.enter()
        if (chats.containsKey(chat.id())) {
            chats.put(chat.id(), chat)
        }
    }

    @Override
    synchronized void detachAgent(UUID agentId) {
        vault.enter()
        chats.values().findAll { it.agentId() == agentId }.each { Chat c ->
            chats.put(c.id(), new Chat(c.id(), c.title(), c.createdAt(), c.updatedAt(), null, c.agentName()))
        }
    }

    @Override
    synchronized void updateMessage(Message message) {
        vault.enter()
        int at = messageList.findIndexOf { it.id() == message.id() }
        if (at >= 0) {
            messageList[at] = message
        }
    }

    @Override
    synchronized boolean deleteMessage(UUID id) {
        vault.enter()
        messageList.removeIf { it.id() == id }
    }

    /** Every message stored, for fakes that sum usage over them. */
    synchronized List<Message> allMessages() {
        vault.enter()
        List.copyOf(messageList)
    }

    protected ChatSummary summaryOf(Chat chat) {
        new ChatSummary(chat, messageList.count { it.chatId() == chat.id() })
    }
}
