package dev.researchvault.adapter.persistence.agent;

import dev.researchvault.adapter.persistence.agent.AgentRows.AgentRow;
import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.domain.agent.Agent;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Converts between agent rows and the domain. Parameters are a JSON object in a TEXT column. */
@Singleton
final class AgentMapper {

    private final JsonColumns json;

    AgentMapper(JsonColumns json) {
        this.json = json;
    }

    AgentRow toRow(Agent agent) {
        return new AgentRow(agent.id().toString(), agent.name(), agent.description(), agent.model(),
                agent.systemPrompt(), agent.active(), json.writeObject(agent.parameters()),
                SqlTimes.format(agent.createdAt()), SqlTimes.format(agent.updatedAt()));
    }

    Agent toAgent(AgentRow row) {
        return new Agent(UUID.fromString(row.id()), row.name(), row.description(), row.model(), row.systemPrompt(),
                row.active(), json.readObject(row.parameters()), SqlTimes.parse(row.createdAt()),
                SqlTimes.parse(row.updatedAt()));
    }
}
