package dev.researchvault.application.agent

import dev.researchvault.application.support.NewestFirstSlices
import dev.researchvault.application.vault.OneVault
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.Page
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentFilter
import dev.researchvault.domain.agent.AgentRepository

/** {@link AgentRepository} in memory: the fake behind service specs and the reference of the contract spec. */
class InMemoryAgentRepository implements AgentRepository {

    /** Every call needs a bound vault, as in the SQLite adapter. */
    private final OneVault vault = new OneVault()
    private final Map<UUID, Agent> agents = new LinkedHashMap<>()
    /** Order of addition, never reused: SQLite's rowid for the list's ties and cursors. */
    private final Map<UUID, Long> sequences = [:]
    private long lastAdded
    private final NewestFirstSlices<Agent> latestFirst =
            new NewestFirstSlices<>(PageCursor.Listing.AGENTS, { it.updatedAt() }, { sequences[it.id()] })

    @Override
    synchronized void add(Agent agent) {
        vault.enter()
        requireFreeName(agent)
        agents.put(agent.id(), agent)
        sequences[agent.id()] = ++lastAdded
    }

    @Override
    synchronized void update(Agent agent) {
        vault.enter()
        requireFreeName(agent)
        if (agents.containsKey(agent.id())) {
            agents.put(agent.id(), agent)
        }
    }

    @Override
    synchronized Optional<Agent> find(UUID id) {
        vault.enter()
        Optional.ofNullable(agents.get(id))
    }

    @Override
    synchronized Page<Agent> list(AgentFilter filter, PageRequest page) {
        vault.enter()
        latestFirst.slice(agents.values().findAll { matches(it, filter) }, page)
    }

    @Override
    synchronized boolean delete(UUID id) {
        vault.enter()
        sequences.remove(id)
        agents.remove(id) != null
    }

    private static boolean matches(Agent agent, AgentFilter filter) {
        (filter.active() == null || agent.active() == filter.active()) &&
                (filter.model() == null || agent.model() == filter.model())
    }

    /** As SQLite's NOCASE: ASCII letters fold, nothing else does. */
    private void requireFreeName(Agent agent) {
        if (agents.values().any { it.id() != agent.id() && asciiFolded(it.name()) == asciiFolded(agent.name()) }) {
            throw new ConflictException('agent.name-taken', 'another agent has this name')
        }
    }

    private static String asciiFolded(String name) {
        name.collect { String c -> c >= 'A' && c <= 'Z' ? c.toLowerCase() : c }.join()
    }
}
