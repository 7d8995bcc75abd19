package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.AgentRows.AgentListRow;
import dev.researchvault.adapter.persistence.sql.NewestFirstPages;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentFilter;
import dev.researchvault.domain.agent.AgentRepository;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
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

    private static final NewestFirstPages<AgentListRow> LATEST_FIRST =
            new NewestFirstPages<>(PageCursor.Listing.AGENTS, AgentListRow::updatedAt, AgentListRow::position);

    private final AgentRows agents;
    private final AgentMapper mapper;

    JdbcAgentRepository(AgentRows agents, AgentMapper mapper) {
        this.agents = agents;
        this.mapper = mapper;
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
        return listed(filter, page).map(row -> mapper.toAgent(row.row()));
    }

    @Override
    public boolean delete(UUID id) {
        // The foreign keys of chats and executions set their agent_id to NULL, should a caller not detach them.
        return agents.deleteById(id.toString()) > 0;
    }

    /** One set of statements per filter, so each reads its own index (see AgentRows). */
    private Page<AgentListRow> listed(AgentFilter filter, PageRequest page) {
        String model = filter.model();
        Boolean active = filter.active();
        if (model != null) {
            return LATEST_FIRST.page(page, (limit, offset) -> agents.latestFirstOfModel(model, active, limit, offset),
                    (time, position, limit) -> agents.latestAfterOfModel(model, active, time, position, limit),
                    () -> agents.countOfModel(model, active));
        }
        if (active != null) {
            return LATEST_FIRST.page(page, (limit, offset) -> agents.latestFirstWithActive(active, limit, offset),
                    (time, position, limit) -> agents.latestAfterWithActive(active, time, position, limit),
                    () -> agents.countWithActive(active));
        }
        return LATEST_FIRST.page(page, agents::latestFirst, agents::latestAfter, agents::countAll);
    }

    private static RuntimeException nameTakenOr(DataAccessException failure) {
        if (SqliteErrors.isUniqueViolation(failure, "agent.name")) {
            return new ConflictException("agent.name-taken", "another agent has this name");
        }
        return failure;
    }
}
