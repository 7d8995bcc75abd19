package dev.researchvault.adapter.persistence.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.naming.NamingStrategies;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code agent} table (V6__agents_and_usage.sql), row by row. Its list is a
 * {@link dev.researchvault.adapter.persistence.sql.NewestFirstList} ({@link JdbcAgentRepository#LIST}).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface AgentRows extends GenericRepository<AgentRows.AgentRow, String> {

    /** @param parameters a JSON object */
    @MappedEntity(value = "agent", namingStrategy = NamingStrategies.Raw.class)
    record AgentRow(@Id String id, String name, @Nullable String description, String model,
                    @Nullable @MappedProperty("system_prompt") String systemPrompt, boolean active, String parameters,
                    @MappedProperty("created_at") String createdAt, @MappedProperty("updated_at") String updatedAt) {

        /** The list's columns ({@link JdbcAgentRepository#LIST}), read by hand: lists are plain JDBC. */
        static AgentRow read(ResultSet row) throws SQLException {
            return new AgentRow(row.getString("id"), row.getString("name"), row.getString("description"),
                    row.getString("model"), row.getString("system_prompt"), row.getBoolean("active"),
                    row.getString("parameters"), row.getString("created_at"), row.getString("updated_at"));
        }
    }

    AgentRow save(AgentRow row);

    AgentRow update(AgentRow row);

    Optional<AgentRow> findById(String id);

    int deleteById(String id);
}
