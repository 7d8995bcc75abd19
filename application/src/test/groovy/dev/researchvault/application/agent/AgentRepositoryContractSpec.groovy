package dev.researchvault.application.agent

import dev.researchvault.application.support.CursorWalk
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentFilter
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link AgentRepository} must do. A concrete subclass per adapter provides the repository and, when
 * the adapter needs one, a bound vault around each call ({@link #inVault}).
 */
abstract class AgentRepositoryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-05-01T10:00:00.123Z')

    /** A fresh, empty repository for each feature. */
    abstract AgentRepository repository()

    /** Runs {@code work} where the repository can reach its storage; in one transaction for SQL adapters. */
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    AgentRepository repo

    def setup() {
        repo = repository()
    }

    Agent agent(String name, Instant at = T0, String model = 'llama3', boolean active = true) {
        Agent created = Agent.create(UUID.randomUUID(), name, null, model, null, active, [:], at)
        inVault { repo.add(created) }
        created
    }

    def "an agent reads back exactly as it was stored"() {
        given:
        // Decimals as doubles: what a JSON reader (the HTTP body, a JSON column) hands over for 0.2.
        Agent stored = Agent.create(UUID.randomUUID(), 'Researcher', 'digs deep', 'gpt-4o', 'You are careful.\nCite.',
                false, [temperature: 0.2d, tools: ['search', 'read'], nested: [depth: 3, ok: true, none: null]], T0)

        when:
        inVault { repo.add(stored) }

        then:
        inVault { repo.find(stored.id()) }.get() == stored
    }

    def "an unknown id is not found"() {
        expect:
        inVault { repo.find(UUID.randomUUID()) }.isEmpty()
    }

    def "names are unique regardless of ASCII case, on add and on update; nothing changes on refusal"() {
        given:
        Agent first = agent('Writer')
        Agent second = agent('Editor')

        when:
        inVault { repo.add(Agent.create(UUID.randomUUID(), 'wRITER', null, 'm', null, true, [:], T0)) }

        then:
        def taken = thrown(ConflictException)
        taken.code() == 'agent.name-taken'

        when:
        inVault { repo.update(second.change(new Agent.AgentChanges('WRITER', null, null, null, null, null), T0.plusSeconds(1))) }

        then:
        thrown(ConflictException)
        inVault { repo.find(second.id()) }.get() == second
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.total() == 2
        inVault { repo.find(first.id()) }.get() == first
    }

    def "an agent may keep its own name in another case"() {
        given:
        Agent writer = agent('Writer')
        Agent renamed = writer.change(new Agent.AgentChanges('WRITER', 'loud now', null, null, null, null), T0.plusSeconds(5))

        when:
        inVault { repo.update(renamed) }

        then:
        inVault { repo.find(writer.id()) }.get() == renamed
    }

    def "the list is most recently updated first, ties latest added first, filtered by active and model"() {
        given:
        Agent a = agent('a', T0, 'llama3', true)
        Agent b = agent('b', T0, 'gpt-4o', false)
        Agent c = agent('c', T0.plusSeconds(1), 'llama3', false)
        Agent d = agent('d', T0.minusSeconds(1), 'gpt-4o', true)

        expect:
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.items()*.name() == ['c', 'b', 'a', 'd']
        inVault { repo.list(new AgentFilter(true, null), PageRequest.first()) }.items()*.name() == ['a', 'd']
        inVault { repo.list(new AgentFilter(false, 'llama3'), PageRequest.first()) }.items()*.name() == ['c']
        inVault { repo.list(new AgentFilter(null, 'gpt-4o'), PageRequest.first()) }.total() == 2
        [a, b, c, d]
    }

    def "an update moves the agent to the front of the list"() {
        given:
        Agent old = agent('old', T0)
        agent('new', T0.plusSeconds(1))

        when:
        inVault { repo.update(old.change(new Agent.AgentChanges(null, null, 'gpt-5', null, null, null), T0.plusSeconds(2))) }

        then:
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.items()*.name() == ['old', 'new']
        inVault { repo.find(old.id()) }.get().model() == 'gpt-5'
    }

    def "a walk by cursor sees every agent once, newest first"() {
        given:
        def names = (1..7).collect { agent("agent $it", T0.plusMillis(it.intdiv(2))).name() }

        expect:
        CursorWalk.items(2) { request -> inVault { repo.list(AgentFilter.all(), request) } }*.name() == names.reverse()
    }

    def "deleting answers whether there was such an agent"() {
        given:
        Agent doomed = agent('doomed')

        expect:
        inVault { repo.delete(doomed.id()) }
        !inVault { repo.delete(doomed.id()) }
        inVault { repo.find(doomed.id()) }.isEmpty()
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.total() == 0
    }

    def "a deleted agent's name is free again"() {
        given:
        Agent doomed = agent('Writer')
        inVault { repo.delete(doomed.id()) }

        when:
        Agent again = agent('writer')

        then:
        inVault { repo.find(again.id()) }.isPresent()
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        Agent kept = agent('kept')

        when:
        call(repo, kept)

        then:
        thrown(NoVaultBoundException)
        inVault { repo.find(kept.id()) }.get() == kept
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.total() == 1

        where:
        method   | call
        'add'    | { AgentRepository r, Agent k -> r.add(Agent.create(UUID.randomUUID(), 'other', null, 'm', null, true, [:], T0)) }
        'update' | { AgentRepository r, Agent k -> r.update(k.change(new Agent.AgentChanges('changed', null, null, null, null, null), T0)) }
        'find'   | { AgentRepository r, Agent k -> r.find(k.id()) }
        'list'   | { AgentRepository r, Agent k -> r.list(AgentFilter.all(), PageRequest.first()) }
        'delete' | { AgentRepository r, Agent k -> r.delete(k.id()) }
    }
}
