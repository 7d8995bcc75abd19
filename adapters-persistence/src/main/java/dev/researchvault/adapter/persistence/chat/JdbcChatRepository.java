package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.chat.ChatRows.ChatWithCount;
import dev.researchvault.adapter.persistence.chat.ChatRows.ChatRow;
import dev.researchvault.adapter.persistence.chat.MessageRows.MessageRow;
import dev.researchvault.adapter.persistence.sql.ListCursors;
import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.StoredIds;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link ChatRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. */
@Singleton
final class JdbcChatRepository implements ChatRepository {

    /** Latest updated first, on {@code idx_chat_updated_at}; an agent's chats on {@code idx_chat_agent_id_updated_at}. */
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.CHATS, "chat c", "c.rowid",
            "c.updated_at", ChatRows.WITH_COUNT);

    private final ChatRows chats;
    private final MessageRows messages;
    private final MessageMapper mapper;
    private final NewestFirstList<ChatWithCount> latestFirst;

    JdbcChatRepository(ChatRows chats, MessageRows messages, MessageMapper mapper,
                       @Named("default") ConnectionOperations<Connection> connections) {
        this.chats = chats;
        this.messages = messages;
        this.mapper = mapper;
        this.latestFirst = new NewestFirstList<>(connections, LIST, ChatWithCount::read);
    }

    @Override
    public void add(Chat chat) {
        chats.save(toRow(chat));
    }

    @Override
    public Optional<ChatSummary> find(UUID id) {
        return chats.findWithCount(id.toString()).map(JdbcChatRepository::toSummary);
    }

    @Override
    public Page<ChatSummary> list(PageRequest page) {
        return latestFirst.page(page).map(JdbcChatRepository::toSummary);
    }

    @Override
    public Page<ChatSummary> listOfAgent(UUID agentId, PageRequest page) {
        return latestFirst.page(page, ListFilter.equal("c.agent_id", agentId.toString()))
                .map(JdbcChatRepository::toSummary);
    }

    @Override
    public void update(Chat chat) {
        chats.update(toRow(chat));
    }

    @Override
    public void detachAgent(UUID agentId) {
        chats.detachAgent(agentId.toString());
    }

    @Override
    public boolean delete(UUID id) {
        // The foreign key cascades to the chat's messages.
        return chats.deleteById(id.toString()) > 0;
    }

    @Override
    public void addMessage(Message message) {
        messages.save(mapper.toRow(message));
    }

    @Override
    public Optional<Message> findMessage(UUID id) {
        return messages.findById(id.toString()).map(mapper::toMessage);
    }

    @Override
    public void updateMessage(Message message) {
        messages.updateContent(message.id().toString(), message.content(), SqlTimes.format(message.editedAt()));
    }

    @Override
    public boolean deleteMessage(UUID id) {
        return messages.deleteById(id.toString()) > 0;
    }

    @Override
    public List<UUID> messageIds(UUID chatId) {
        return messages.idsOfChat(chatId.toString()).stream().map(UUID::fromString).toList();
    }

    @Override
    public Set<UUID> existingMessages(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> found = messages.existingIds(ids.stream().map(UUID::toString).toList());
        return found.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Page<Message> messages(UUID chatId, PageRequest page) {
        String id = chatId.toString();
        PageCursor after = page.cursorOf(PageCursor.Listing.MESSAGES);
        List<MessageRow> rows = after == null ? messages.oldestFirst(id, page.lookahead(), page.offset())
                : messages.oldestFirstAfter(id, ListCursors.storedTime(after), after.sequence(), page.lookahead());
        return Page.sliced(rows, page, messages.countByChatId(id), this::cursorPast).map(mapper::toMessage);
    }

    /**
     * The cursor past a message: its time and rowid, as the list orders them. The rowid is read for the last row of
     * a page only (by primary key), so the mapped rows need not carry it.
     */
    private PageCursor cursorPast(MessageRow row) {
        return ListCursors.past(PageCursor.Listing.MESSAGES, row.createdAt(), messages.rowidOf(row.id()));
    }

    @Override
    public void touch(UUID chatId, Instant updatedAt) {
        chats.touch(chatId.toString(), SqlTimes.format(updatedAt));
    }

    private static ChatRow toRow(Chat chat) {
        return new ChatRow(chat.id().toString(), chat.title(), SqlTimes.format(chat.createdAt()),
                SqlTimes.format(chat.updatedAt()), StoredIds.text(chat.agentId()), chat.agentName());
    }

    private static ChatSummary toSummary(ChatWithCount row) {
        Chat chat = new Chat(UUID.fromString(row.id()), row.title(), SqlTimes.parse(row.createdAt()),
                SqlTimes.parse(row.updatedAt()), StoredIds.id(row.agentId()), row.agentName());
        return new ChatSummary(chat, row.messageCount());
    }
}
