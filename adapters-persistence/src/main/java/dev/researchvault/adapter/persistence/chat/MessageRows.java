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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code chat_message} table (V3__chat.sql; model, sources, metadata, usage and edit time from V6). */
@JdbcRepository(dialect = Dialect.ANSI)
interface MessageRows extends GenericRepository<MessageRows.MessageRow, String> {

    /**
     * @param files    the file metadata as a JSON array ({@link FileJson})
     * @param sources  a JSON array ({@link SourceJson}), NULL when none
     * @param metadata a JSON object, NULL when empty
     */
    @MappedEntity(value = "chat_message", namingStrategy = NamingStrategies.Raw.class)
    record MessageRow(@Id String id, @MappedProperty("chat_id") String chatId, String role, String content,
                      String files, @MappedProperty("created_at") String createdAt, @Nullable String model,
                      @Nullable String sources, @Nullable String metadata,
                      @Nullable @MappedProperty("prompt_tokens") Long promptTokens,
                      @Nullable @MappedProperty("completion_tokens") Long completionTokens,
                      @Nullable @MappedProperty("cost_micros") Long costMicros,
                      @Nullable @MappedProperty("edited_at") String editedAt) {
    }

    MessageRow save(MessageRow row);

    Optional<MessageRow> findById(String id);

    int deleteById(String id);

    /** An edit changes the text alone: files, sources and usage stay as they were posted. */
    @Query("UPDATE chat_message SET content = :content, edited_at = :editedAt WHERE id = :id")
    void updateContent(String id, String content, @Nullable String editedAt);

    @Query("SELECT * FROM chat_message WHERE chat_id = :chatId ORDER BY created_at, rowid LIMIT :limit OFFSET :offset")
    List<MessageRow> oldestFirst(String chatId, int limit, long offset);

    /**
     * The messages of a chat after the position ({@code time}, {@code rowid}) oldest first: a seek into
     * {@code idx_chat_message_chat_id_created_at}, which ends with the rowid.
     */
    @Query("SELECT * FROM chat_message WHERE chat_id = :chatId AND (created_at, rowid) > (:time, :rowid)"
            + " ORDER BY created_at, rowid LIMIT :limit")
    List<MessageRow> oldestFirstAfter(String chatId, String time, long rowid, int limit);

    /** The rowid of a message, the tie-breaker of its cursor; 0 when it is gone. */
    @Query("SELECT COALESCE((SELECT rowid FROM chat_message WHERE id = :id), 0)")
    long rowidOf(String id);

    long countByChatId(String chatId);

    @Query("SELECT id FROM chat_message WHERE chat_id = :chatId")
    List<String> idsOfChat(String chatId);

    /** Which of {@code ids} are messages (any chat); answered from the primary key index. */
    @Query("SELECT id FROM chat_message WHERE id IN (:ids)")
    List<String> existingIds(Collection<String> ids);

    /** A message's id and files JSON. */
    @Introspected
    record IdAndFiles(String id, String files) {
    }

    /**
     * Messages after {@code after} in id order whose files JSON still has a {@code "data"} member (legacy
     * form). A scan of the table: it runs in the background once per login, and an index cannot help a
     * search inside a JSON text.
     */
    @Query("SELECT id, files FROM chat_message WHERE id > :after AND instr(files, '\"data\"') > 0 ORDER BY id LIMIT :max")
    List<IdAndFiles> withInlineFiles(String after, int max);

    @Query("UPDATE chat_message SET files = :files WHERE id = :id")
    void updateFiles(String id, String files);
}
