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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code chat} table (V3__chat.sql; the agent link from V6), row by row. Its list is a
 * {@link dev.researchvault.adapter.persistence.sql.NewestFirstList} ({@link JdbcChatRepository#LIST}) of the same
 * columns as {@link #findWithCount}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ChatRows extends GenericRepository<ChatRows.ChatRow, String> {

    /** Chat columns with the message count, counted by the same statement (no query per chat). */
    String WITH_COUNT = "c.id, c.title, c.created_at, c.updated_at, c.agent_id, c.agent_name,"
            + " (SELECT COUNT(*) FROM chat_message m WHERE m.chat_id = c.id) AS message_count";

    /** @param agentName the agent's name when the chat was linked to it; kept after {@code agent_id} is cleared */
    @MappedEntity(value = "chat", namingStrategy = NamingStrategies.Raw.class)
    record ChatRow(@Id String id, String title, @MappedProperty("created_at") String createdAt,
                   @MappedProperty("updated_at") String updatedAt, @Nullable @MappedProperty("agent_id") String agentId,
                   @Nullable @MappedProperty("agent_name") String agentName) {
    }

    /** A chat row with its message count ({@link #WITH_COUNT}). */
    @Introspected
    record ChatWithCount(String id, String title, @MappedProperty("created_at") String createdAt,
                         @MappedProperty("updated_at") String updatedAt,
                         @Nullable @MappedProperty("agent_id") String agentId,
                         @Nullable @MappedProperty("agent_name") String agentName,
                         @MappedProperty("message_count") long messageCount) {

        /** The list's columns, read by hand: lists are plain JDBC. */
        static ChatWithCount read(ResultSet row) throws SQLException {
            return new ChatWithCount(row.getString("id"), row.getString("title"), row.getString("created_at"),
                    row.getString("updated_at"), row.getString("agent_id"), row.getString("agent_name"),
                    row.getLong("message_count"));
        }
    }

    ChatRow save(ChatRow row);

    ChatRow update(ChatRow row);

    int deleteById(String id);

    @Query("SELECT " + WITH_COUNT + " FROM chat c WHERE c.id = :id")
    Optional<ChatWithCount> findWithCount(String id);

    @Query("UPDATE chat SET updated_at = :updatedAt WHERE id = :id")
    void touch(String id, String updatedAt);

    /** The agent is gone: its chats stay, with the name they recorded. */
    @Query("UPDATE chat SET agent_id = NULL WHERE agent_id = :agentId")
    void detachAgent(String agentId);
}
