package dev.researchvault.adapter.persistence.agent;

import static dev.researchvault.adapter.persistence.sql.ResultColumns.nullableLong;

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
import java.util.List;
import java.util.Optional;

/**
 * The {@code agent_execution} table (V6__agents_and_usage.sql), row by row; its list is a
 * {@link dev.researchvault.adapter.persistence.sql.NewestFirstList} ({@link JdbcExecutionRepository#LIST}). The
 * execution log lives here too: its table has no rowid (so no entity of its own), and its lines are only ever read
 * by these statements.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ExecutionRows extends GenericRepository<ExecutionRows.ExecutionRow, String> {

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

        /** The list's columns ({@link JdbcExecutionRepository#LIST}), read by hand: lists are plain JDBC. */
        static ExecutionRow read(ResultSet row) throws SQLException {
            return new ExecutionRow(row.getString("id"), row.getString("agent_id"), row.getString("agent_name"),
                    row.getString("chat_id"), row.getString("status"), row.getString("input"), row.getString("output"),
                    row.getString("error"), row.getString("model"), row.getString("created_at"),
                    row.getString("started_at"), row.getString("completed_at"), nullableLong(row, "prompt_tokens"),
                    nullableLong(row, "completion_tokens"), nullableLong(row, "cost_micros"));
        }
    }

    ExecutionRow save(ExecutionRow row);

    ExecutionRow update(ExecutionRow row);

    Optional<ExecutionRow> findById(String id);

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
