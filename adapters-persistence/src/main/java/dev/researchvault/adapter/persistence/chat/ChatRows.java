package dev.researchvault.adapter.persistence.chat;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.naming.NamingStrategies;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The {@code chat} table (V3__chat.sql; the agent link from V6). The list by page number skips {@code :offset}
 * rows; after a cursor ({@link dev.researchvault.adapter.persistence.sql.ListCursors}) it merges two ranges of
 * {@code idx_chat_updated_at}, the rest of the cursor's millisecond and everything older, for the reason
 * ResearchRows gives. The chats of one agent do the same on {@code idx_chat_agent_id_updated_at}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ChatRows extends GenericRepository<ChatRows.ChatRow, String> {

    /** Chat columns with the message count, counted by the same statement (no query per chat). */
    String WITH_COUNT = "SELECT c.rowid AS position, c.id, c.title, c.created_at, c.updated_at, c.agent_id,"
            + " c.agent_name, (SELECT COUNT(*) FROM chat_message m WHERE m.chat_id = c.id) AS message_count FROM chat c";
    String OF_AGENT = " WHERE c.agent_id = :agentId";

    /** @param agentName the agent's name when the chat was linked to it; kept after {@code agent_id} is cleared */
    @MappedEntity(value = "chat", namingStrategy = NamingStrategies.Raw.class)
    record ChatRow(@Id String id, String title, @MappedProperty("created_at") String createdAt,
                   @MappedProperty("updated_at") String updatedAt, @Nullable @MappedProperty("agent_id") String agentId,
                   @Nullable @MappedProperty("agent_name") String agentName) {
    }

    /** A chat row as lists read it, with its rowid: the tie-breaker of the list order that cursors carry. */
    @Introspected
    record ChatListRow(long position, String id, String title, @MappedProperty("created_at") String createdAt,
                       @MappedProperty("updated_at") String updatedAt,
                       @Nullable @MappedProperty("agent_id") String agentId,
                       @Nullable @MappedProperty("agent_name") String agentName,
                       @MappedProperty("message_count") long messageCount) {
    }

    ChatRow save(ChatRow row);

    ChatRow update(ChatRow row);

    int deleteById(String id);

    @Query(WITH_COUNT + " WHERE c.id = :id")
    Optional<ChatListRow> findWithCount(String id);

    @Query(WITH_COUNT + " ORDER BY c.updated_at DESC, c.rowid DESC LIMIT :limit OFFSET :offset")
    List<ChatListRow> latestFirst(int limit, long offset);

    @Query(WITH_COUNT + " WHERE c.updated_at = :time AND c.rowid < :position UNION ALL " + WITH_COUNT
            + " WHERE c.updated_at < :time ORDER BY updated_at DESC, position DESC LIMIT :limit")
    List<ChatListRow> latestAfter(String time, long position, int limit);

    /** Kept by triggers (V5__row_counts.sql): counting the table walks all of its index. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'chat'")
    long countAll();

    @Query("UPDATE chat SET updated_at = :updatedAt WHERE id = :id")
    void touch(String id, String updatedAt);

    @Query(WITH_COUNT + OF_AGENT + " ORDER BY c.updated_at DESC, c.rowid DESC LIMIT :limit OFFSET :offset")
    List<ChatListRow> latestFirstOfAgent(String agentId, int limit, long offset);

    @Query(WITH_COUNT + OF_AGENT + " AND c.updated_at = :time AND c.rowid < :position UNION ALL " + WITH_COUNT
            + OF_AGENT + " AND c.updated_at < :time ORDER BY updated_at DESC, position DESC LIMIT :limit")
    List<ChatListRow> latestAfterOfAgent(String agentId, String time, long position, int limit);

    /** Counted on {@code idx_chat_agent_id_updated_at}: an agent's chats are a small part of the table. */
    @Query("SELECT COUNT(*) FROM chat WHERE agent_id = :agentId")
    long countOfAgent(String agentId);

    /** The agent is gone: its chats stay, with the name they recorded. */
    @Query("UPDATE chat SET agent_id = NULL WHERE agent_id = :agentId")
    void detachAgent(String agentId);
}
