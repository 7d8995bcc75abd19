package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.AgentRows.AgentRow;
import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentFilter;
import dev.researchvault.domain.agent.AgentRepository;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AgentRepository} in the bound user's {@code vault.db}, through Micronaut Data JDBC. Unique names are
 * the unique index {@code idx_agent_name} ({@code COLLATE NOCASE}): the insert or update that would repeat a
 * name fails as a statement, so nothing of it is stored, and its failure becomes {@code agent.name-taken}.
 * Asking first would leave a window between the question and the write.
 */
@Singleton
final class JdbcAgentRepository implements AgentRepository {

    /**
     * Latest updated first; a model filter reads {@code idx_agent_model_updated_at} and checks the active flag on
     * the rows it finds, the flag alone reads {@code idx_agent_active_updated_at}.
     */
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.AGENTS, "agent", "rowid",
            "updated_at", "id, name, description, model, system_prompt, active, parameters, created_at, updated_at");

    private final AgentRows agents;
    private final AgentMapper mapper;
    private final NewestFirstList<AgentRow> latestFirst;

    JdbcAgentRepository(AgentRows agents, AgentMapper mapper,
                        @Named("default") ConnectionOperations<Connection> connections) {
        this.agents = agents;
        this.mapper = mapper;
        this.latestFirst = new NewestFirstList<>(connections, LIST, AgentRow::read);
    }

    @Override
    public void add(Agent agent) {
        try {
            agents.save(mapper.toRow(agent));
        } catch (DataAccessException failure) {
            throw nameTakenOr(failure);
        }
    }

    @Override
    public void update(Agent agent) {
        try {
            agents.update(mapper.toRow(agent));
        } catch (DataAccessException failure) {
            throw nameTakenOr(failure);
        }
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return agents.findById(id.toString()).map(mapper::toAgent);
    }

    @Override
    public Page<Agent> list(AgentFilter filter, PageRequest page) {
        return latestFirst.page(page, ListFilter.equal("model", filter.model()),
                ListFilter.equal("active", filter.active())).map(mapper::toAgent);
    }

    @Override
    public boolean delete(UUID id) {
        // The foreign keys of chats and executions set their agent_id to NULL, should a caller not detach them.
        return agents.deleteById(id.toString()) > 0;
    }

    private static RuntimeException nameTakenOr(DataAccessException failure) {
        if (SqliteErrors.isUniqueViolation(failure, "agent.name")) {
            return new ConflictException("agent.name-taken", "another agent has this name");
        }
        return failure;
    }
}
