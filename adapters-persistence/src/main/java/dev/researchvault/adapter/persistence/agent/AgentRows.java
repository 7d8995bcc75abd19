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
 * The {@code agent} table (V6__agents_and_usage.sql). The list is most recently updated first, with the three
 * statements of every newest-first list per filter ({@link dev.researchvault.adapter.persistence.sql.NewestFirstPages}):
 * by page number, after a cursor (two seeks merged, for the reason ResearchRows gives), and the total. A filter
 * by model reads {@code idx_agent_model_updated_at} and checks the active flag on each row it reads; a filter by
 * the flag alone reads {@code idx_agent_active_updated_at}.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface AgentRows extends GenericRepository<AgentRows.AgentRow, String> {

    String COLUMNS = "SELECT rowid AS position, id, name, description, model, system_prompt, active, parameters,"
            + " created_at, updated_at FROM agent";
    String LATEST_FIRST = " ORDER BY updated_at DESC, rowid DESC LIMIT :limit OFFSET :offset";
    /** The two ranges after a cursor, each preceded by the filter. */
    String SAME_TIME_OLDER = "updated_at = :time AND rowid < :position UNION ALL " + COLUMNS + " WHERE ";
    String OLDER_TIME = "updated_at < :time ORDER BY updated_at DESC, position DESC LIMIT :limit";
    String WITH_ACTIVE = "active = :active AND ";
    /** The active flag as a check on rows the model index found; NULL matches both. */
    String WITH_MODEL = "model = :model AND (:active IS NULL OR active = :active) AND ";

    /** @param parameters a JSON object */
    @MappedEntity(value = "agent", namingStrategy = NamingStrategies.Raw.class)
    record AgentRow(@Id String id, String name, @Nullable String description, String model,
                    @Nullable @MappedProperty("system_prompt") String systemPrompt, boolean active, String parameters,
                    @MappedProperty("created_at") String createdAt, @MappedProperty("updated_at") String updatedAt) {
    }

    /** An agent as the list reads it, with its rowid: the tie-breaker of the list order that cursors carry. */
    @Introspected
    record AgentListRow(long position, String id, String name, @Nullable String description, String model,
                        @Nullable @MappedProperty("system_prompt") String systemPrompt, boolean active,
                        String parameters, @MappedProperty("created_at") String createdAt,
                        @MappedProperty("updated_at") String updatedAt) {

        AgentRow row() {
            return new AgentRow(id, name, description, model, systemPrompt, active, parameters, createdAt, updatedAt);
        }
    }

    AgentRow save(AgentRow row);

    AgentRow update(AgentRow row);

    Optional<AgentRow> findById(String id);

    int deleteById(String id);

    @Query(COLUMNS + LATEST_FIRST)
    List<AgentListRow> latestFirst(int limit, long offset);

    @Query(COLUMNS + " WHERE " + SAME_TIME_OLDER + OLDER_TIME)
    List<AgentListRow> latestAfter(String time, long position, int limit);

    /** Kept by triggers (V6__agents_and_usage.sql), as for research and chats. */
    @Query("SELECT row_count FROM row_count WHERE table_name = 'agent'")
    long countAll();

    @Query(COLUMNS + " WHERE active = :active" + LATEST_FIRST)
    List<AgentListRow> latestFirstWithActive(boolean active, int limit, long offset);

    @Query(COLUMNS + " WHERE " + WITH_ACTIVE + SAME_TIME_OLDER + WITH_ACTIVE + OLDER_TIME)
    List<AgentListRow> latestAfterWithActive(boolean active, String time, long position, int limit);

    @Query("SELECT COUNT(*) FROM agent WHERE active = :active")
    long countWithActive(boolean active);

    @Query(COLUMNS + " WHERE model = :model AND (:active IS NULL OR active = :active)" + LATEST_FIRST)
    List<AgentListRow> latestFirstOfModel(String model, @Nullable Boolean active, int limit, long offset);

    @Query(COLUMNS + " WHERE " + WITH_MODEL + SAME_TIME_OLDER + WITH_MODEL + OLDER_TIME)
    List<AgentListRow> latestAfterOfModel(String model, @Nullable Boolean active, String time, long position,
                                          int limit);

    @Query("SELECT COUNT(*) FROM agent WHERE model = :model AND (:active IS NULL OR active = :active)")
    long countOfModel(String model, @Nullable Boolean active);
}
