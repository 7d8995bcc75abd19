package dev.researchvault.application.chat

import dev.researchvault.application.research.InMemoryResearchRepository
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.ChatSummary
import dev.researchvault.domain.chat.Message

import java.time.Instant

/** {@link ChatRepository} in memory. Insertion order stands in for SQLite's rowid in tie-breaks. */
class InMemoryChatRepository implements ChatRepository {

    private final Map<UUID, Chat> chats = new LinkedHashMap<>()
    private final List<Message> messageList = []

    @Override
    synchronized void add(Chat chat) {
        assert !chats.containsKey(chat.id())
        chats.put(chat.id(), chat)
    }

    @Override
    synchronized Optional<ChatSummary> find(UUID id) {
        Optional.ofNullable(chats.get(id)).map { summaryOf(it) }
    }

    @Override
    synchronized Page<ChatSummary> list(PageRequest page) {
        List<Chat> latestFirst = chats.values().toList().reverse().sort(false) { a, b -> b.updatedAt() <=> a.updatedAt() }
        InMemoryResearchRepository.slice(latestFirst.collect { summaryOf(it) }, page)
    }

    @Override
    synchronized boolean delete(UUID id) {
        messageList.removeIf { it.chatId() == id }
        chats.remove(id) != null
    }

    @Override
    synchronized void addMessage(Message message) {
        messageList << message
    }

    @Override
    synchronized Optional<Message> findMessage(UUID id) {
        Optional.ofNullable(messageList.find { it.id() == id })
    }

    @Override
    synchronized List<UUID> messageIds(UUID chatId) {
        messageList.findAll { it.chatId() == chatId }*.id()
    }

    @Override
    synchronized Page<Message> messages(UUID chatId, PageRequest page) {
        List<Message> oldestFirst = messageList.findAll { it.chatId() == chatId }.sort(false) { a, b -> a.createdAt() <=> b.createdAt() }
        InMemoryResearchRepository.slice(oldestFirst, page)
    }

    @Override
    synchronized void touch(UUID chatId, Instant updatedAt) {
        Chat chat = chats.get(chatId)
        if (chat != null) {
            chats.put(chatId, new Chat(chat.id(), chat.title(), chat.createdAt(), updatedAt))
        }
    }

    protected ChatSummary summaryOf(Chat chat) {
        new ChatSummary(chat, messageList.count { it.chatId() == chat.id() })
    }
}
