package dev.researchvault.adapter.persistence.chat;

import dev.researchvault.adapter.persistence.sql.ListCursors;
import io.micronaut.core.annotation.Introspected;
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
 * The {@code chat} table (V3__chat.sql). The list by page number skips {@code :offset} rows; after a cursor
 * ({@link dev.researchvault.adapter.persistence.research.ListCursors}) it merges two ranges of
 * {@code idx_chat_updated_at}, the rest of the cursor's millisecond and everything older, for the reason
 * ResearchRows gives.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ChatRows extends GenericRepository<ChatRows.ChatRow, String> {

    /** Chat columns with the message count, counted by the same statement (no query per chat). */
    String WITH_COUNT = "SELECT c.rowid AS position, c.id, c.title, c.created_at, c.updated_at,"
            + " (SELECT COUNT(*) FROM chat_message m WHERE m.chat_id = c.id) AS message_count FROM chat c";

    @MappedEntity(value = "chat", namingStrategy = NamingStrategies.Raw.class)
    record ChatRow(@Id String id, String title, @MappedProperty("created_at") String createdAt,
                   @MappedProperty("updated_at") String updatedAt) {
    }

    /** A chat row as lists read it, with its rowid: the tie-breaker of the list order that cursors carry. */
    @Introspected
    record ChatListRow(long position, String id, String title, @MappedProperty("created_at") String createdAt,
                       @MappedProperty("updated_at") String updatedAt,
                       @MappedProperty("message_count") long messageCount) {
    }

    ChatRow save(ChatRow row);

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
}
