package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.chat.ChatRows.ChatListRow;
import dev.researchvault.adapter.persistence.chat.ChatRows.ChatRow;
import dev.researchvault.adapter.persistence.chat.MessageRows.MessageRow;
import dev.researchvault.adapter.persistence.sql.ListCursors;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.ChatSummary;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import dev.researchvault.domain.chat.MessageRole;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@link ChatRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. */
@Singleton
final class JdbcChatRepository implements ChatRepository {

    private final ChatRows chats;
    private final MessageRows messages;
    private final FilesColumn filesJson;

    JdbcChatRepository(ChatRows chats, MessageRows messages, FilesColumn filesJson) {
        this.chats = chats;
        this.messages = messages;
        this.filesJson = filesJson;
    }

    @Override
    public void add(Chat chat) {
        chats.save(new ChatRow(chat.id().toString(), chat.title(), SqlTimes.format(chat.createdAt()),
                SqlTimes.format(chat.updatedAt())));
    }

    @Override
    public Optional<ChatSummary> find(UUID id) {
        return chats.findWithCount(id.toString()).map(JdbcChatRepository::toSummary);
    }

    @Override
    public Page<ChatSummary> list(PageRequest page) {
        PageCursor after = page.cursorOf(PageCursor.Listing.CHATS);
        List<ChatListRow> rows = after == null ? chats.latestFirst(page.lookahead(), page.offset())
                : chats.latestAfter(ListCursors.storedTime(after), after.sequence(), page.lookahead());
        return Page.sliced(rows, page, chats.countAll(), JdbcChatRepository::cursorPast)
                .map(JdbcChatRepository::toSummary);
    }

    private static PageCursor cursorPast(ChatListRow row) {
        return ListCursors.past(PageCursor.Listing.CHATS, row.updatedAt(), row.position());
    }

    @Override
    public boolean delete(UUID id) {
        // The foreign key cascades to the chat's messages.
        return chats.deleteById(id.toString()) > 0;
    }

    @Override
    public void addMessage(Message message) {
        messages.save(new MessageRow(message.id().toString(), message.chatId().toString(), message.role().wireName(),
                message.content(), writeFiles(message.files()), SqlTimes.format(message.createdAt())));
    }

    @Override
    public Optional<Message> findMessage(UUID id) {
        return messages.findById(id.toString()).map(this::toMessage);
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
        List<Message> items = messages.oldestFirst(id, page.size(), page.offset()).stream().map(this::toMessage).toList();
        return Page.of(items, page, messages.countByChatId(id));
    }

    @Override
    public void touch(UUID chatId, Instant updatedAt) {
        chats.touch(chatId.toString(), SqlTimes.format(updatedAt));
    }

    private static ChatSummary toSummary(ChatListRow row) {
        Chat chat = new Chat(UUID.fromString(row.id()), row.title(), SqlTimes.parse(row.createdAt()),
                SqlTimes.parse(row.updatedAt()));
        return new ChatSummary(chat, row.messageCount());
    }

    private Message toMessage(MessageRow row) {
        return new Message(UUID.fromString(row.id()), UUID.fromString(row.chatId()), MessageRole.fromWire(row.role()),
                row.content(), readFiles(row.files()), SqlTimes.parse(row.createdAt()));
    }

    private String writeFiles(List<MessageFile> files) {
        return filesJson.write(files.stream().map(FileJson::of).toList());
    }

    private List<MessageFile> readFiles(String text) {
        List<FileJson> files = filesJson.read(text);
        return IntStream.range(0, files.size()).mapToObj(position -> files.get(position).toFile(position)).toList();
    }
}
