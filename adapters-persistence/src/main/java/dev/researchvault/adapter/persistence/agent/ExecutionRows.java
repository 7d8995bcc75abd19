package dev.researchvault.adapter.persistence.agent;

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
 * The {@code agent_execution} table (V6__agents_and_usage.sql). The list is newest first, with the three
 * statements of every newest-first list ({@link dev.researchvault.adapter.persistence.sql.NewestFirstPages}) for
 * each index it may read: the agent's, else the chat's, else the status's, else the time's. The index is chosen
 * by the most selective filter given (an agent or a chat holds few executions, a status many); the other filters
 * are checks on the rows it finds, written {@code (:x IS NULL OR x = :x)}, which SQLite cannot seek on but can
 * check. After a cursor, two seeks merged, for the reason ResearchRows gives. The execution log lives here too:
 * its table has no rowid (so no entity of its own), and its lines are only ever read by these statements.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ExecutionRows extends GenericRepository<ExecutionRows.ExecutionRow, String> {

    String COLUMNS = "SELECT rowid AS position, id, agent_id, agent_name, chat_id, status, input, output, error, model,"
            + " created_at, started_at, completed_at, prompt_tokens, completion_tokens, cost_micros FROM agent_execution";
    String NEWEST_FIRST = " ORDER BY created_at DESC, rowid DESC LIMIT :limit OFFSET :offset";
    /** The two ranges after a cursor, each preceded by the filter. */
    String SAME_TIME_OLDER = "created_at = :time AND rowid < :position UNION ALL " + COLUMNS + " WHERE ";
    String OLDER_TIME = "created_at < :time ORDER BY created_at DESC, position DESC LIMIT :limit";
    String AND = " AND ";
    String WITH_STATUS = "(:status IS NULL OR status = :status)";
    String OF_AGENT = "agent_id = :agentId AND (:chatId IS NULL OR chat_id = :chatId) AND " + WITH_STATUS;
    String OF_CHAT = "chat_id = :chatId AND " + WITH_STATUS;
    String IN_STATUS = "status = :status";

    /** @param agentName the agent's name when the execution was created; kept after {@code agent_id} is cleared */
    @MappedEntity(value = "agent_execution", namingStrategy = NamingStrategies.Raw.class)
    record ExecutionRow(@Id String id, @Nullable @MappedProperty("agent_id") String agentId,
                        @MappedProperty("agent_name") String agentName,
                        @Nullable @MappedProperty("chat_id") String chatId, String status, String input,
                        @Nullable String output, @Nullable String error, String model,
                        @MappedProperty("created_at") String createdAt,
                        @Nullable @MappedProperty("started_at") String startedAt,
                        @Nullable @MappedProperty("completed_at") String completedAt,
                        @Nullable @MappedProperty("prompt_tokens") Long promptTokens,
                        @Nullable @MappedProperty("completion_tokens") Long completionTokens,
                        @Nullable @MappedProperty("cost_micros") Long costMicros) {
    }

    /** An execution as the list reads it, with its rowid: the tie-breaker of the list order that cursors carry. */
    @Introspected
    record ExecutionListRow(long position, String id, @Nullable @MappedProperty("agent_id") String agentId,
                            @MappedProperty("agent_name") String agentName,
                            @Nullable @MappedProperty("chat_id") String chatId, String status, String input,
                            @Nullable String output, @Nullable String error, String model,
                            @MappedProperty("created_at") String createdAt,
                            @Nullable @MappedProperty("started_at") String startedAt,
                            @Nullable @MappedProperty("completed_at") String completedAt,
                            @Nullable @MappedProperty("prompt_tokens") Long promptTokens,
                            @Nullable @MappedProperty("completion_tokens") Long completionTokens,
                            @Nullable @MappedProperty("cost_micros") Long costMicros) {

        ExecutionRow row() {
            return new ExecutionRow(id, agentId, agentName, chatId, status, input, output, error, model, createdAt,
                    startedAt, completedAt, promptTokens, completionTokens, costMicros);
        }
    }

    ExecutionRow save(ExecutionRow row);

    ExecutionRow update(ExecutionRow row);

    Optional<ExecutionRow> findById(String id);

    @Query(COLUMNS + NEWEST_FIRST)
    List<ExecutionListRow> newestFirst(int limit, long offset);

    @Query(COLUMNS + " WHERE " + SAME_TIME_OLDER + OLDER_TIME)
    List<ExecutionListRow> newestAfter(String time, long position, int limit);

    /** Kept by triggers (V6__agents_and_usage.sql), as for research and chats. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'agent_execution'")
    long countAll();

    @Query(COLUMNS + " WHERE " + OF_AGENT + NEWEST_FIRST)
    List<ExecutionListRow> newestFirstOfAgent(String agentId, @Nullable String chatId, @Nullable String status,
                                              int limit, long offset);

    @Query(COLUMNS + " WHERE " + OF_AGENT + AND + SAME_TIME_OLDER + OF_AGENT + AND + OLDER_TIME)
    List<ExecutionListRow> newestAfterOfAgent(String agentId, @Nullable String chatId, @Nullable String status,
                                              String time, long position, int limit);

    @Query("SELECT COUNT(*) FROM agent_execution WHERE " + OF_AGENT)
    long countOfAgent(String agentId, @Nullable String chatId, @Nullable String status);

    @Query(COLUMNS + " WHERE " + OF_CHAT + NEWEST_FIRST)
    List<ExecutionListRow> newestFirstOfChat(String chatId, @Nullable String status, int limit, long offset);

    @Query(COLUMNS + " WHERE " + OF_CHAT + AND + SAME_TIME_OLDER + OF_CHAT + AND + OLDER_TIME)
    List<ExecutionListRow> newestAfterOfChat(String chatId, @Nullable String status, String time, long position,
                                             int limit);

    @Query("SELECT COUNT(*) FROM agent_execution WHERE " + OF_CHAT)
    long countOfChat(String chatId, @Nullable String status);

    @Query(COLUMNS + " WHERE " + IN_STATUS + NEWEST_FIRST)
    List<ExecutionListRow> newestFirstInStatus(String status, int limit, long offset);

    @Query(COLUMNS + " WHERE " + IN_STATUS + AND + SAME_TIME_OLDER + IN_STATUS + AND + OLDER_TIME)
    List<ExecutionListRow> newestAfterInStatus(String status, String time, long position, int limit);

    @Query("SELECT COUNT(*) FROM agent_execution WHERE " + IN_STATUS)
    long countInStatus(String status);

    @Query("UPDATE agent_execution SET agent_id = NULL WHERE agent_id = :agentId")
    void detachAgent(String agentId);

    @Query("UPDATE agent_execution SET chat_id = NULL WHERE chat_id = :chatId")
    void detachChat(String chatId);

    /** A line of {@code agent_execution_log} (a table without rowid: its key is the execution and the sequence). */
    @Introspected
    record LogRow(@MappedProperty("execution_id") String executionId, long sequence, String level, String message,
                  @MappedProperty("created_at") String createdAt) {
    }

    /**
     * Appends a line numbered one above the execution's last. One statement, so its read of the last number and
     * its write cannot be split by another writer.
     */
    @Query("INSERT INTO agent_execution_log (execution_id, sequence, level, message, created_at)"
            + " SELECT :executionId, COALESCE(MAX(sequence), 0) + 1, :level, :message, :createdAt"
            + " FROM agent_execution_log WHERE execution_id = :executionId")
    void appendLog(String executionId, String level, String message, String createdAt);

    /** The execution's last line: call in the transaction of {@link #appendLog} to read the line it appended. */
    @Query("SELECT * FROM agent_execution_log WHERE execution_id = :executionId ORDER BY sequence DESC LIMIT 1")
    LogRow lastLog(String executionId);

    @Query("SELECT * FROM agent_execution_log WHERE execution_id = :executionId AND sequence > :afterSequence"
            + " ORDER BY sequence LIMIT :limit")
    List<LogRow> logsAfter(String executionId, long afterSequence, int limit);
}
