package dev.researchvault.application.agent

import dev.researchvault.application.support.CursorWalk
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.ExecutionFilter
import dev.researchvault.domain.agent.ExecutionLog
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.time.Instant

import static dev.researchvault.domain.agent.ExecutionStatus.COMPLETED
import static dev.researchvault.domain.agent.ExecutionStatus.PENDING
import static dev.researchvault.domain.agent.ExecutionStatus.RUNNING

/**
 * What every {@link ExecutionRepository} must do. Executions name an agent and maybe a chat; in SQL those are
 * foreign keys, so a subclass provides them through {@link #storedAgent} and {@link #storedChat} (the in-memory
 * fake needs no rows behind them).
 */
abstract class ExecutionRepositoryContractSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-05-01T10:00:00.123Z')

    /** A fresh, empty repository for each feature. */
    abstract ExecutionRepository repository()

    /** Runs {@code work} where the repository can reach its storage; in one transaction for SQL adapters. */
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    /** An agent that executions may name (stored where the adapter needs it). */
    Agent storedAgent(String name) {
        Agent.create(UUID.randomUUID(), name, null, 'llama3', null, true, [:], T0)
    }

    /** The id of a chat that executions may name (stored where the adapter needs it). */
    UUID storedChat() {
        UUID.randomUUID()
    }

    ExecutionRepository repo
    Agent agent

    def setup() {
        repo = repository()
        agent = storedAgent('Researcher')
    }

    AgentExecution execution(String input, Instant at = T0, Agent of = agent, UUID chatId = null) {
        AgentExecution created = AgentExecution.create(UUID.randomUUID(), of, chatId, input, at)
        inVault { repo.add(created) }
        created
    }

    def "an execution reads back exactly as it was stored, through its whole life"() {
        given:
        UUID chat = storedChat()
        AgentExecution pending = execution('summarise this', T0, agent, chat)

        expect:
        inVault { repo.find(pending.id()) }.get() == pending

        when:
        AgentExecution running = pending.moveTo(RUNNING, T0.plusSeconds(1))
        inVault { repo.update(running) }
        AgentExecution done = running.report('a summary ✓', null, new TokenUsage(1200, 340, 0.00421))
                .moveTo(COMPLETED, T0.plusMillis(2500))
        inVault { repo.update(done) }

        then:
        inVault { repo.find(pending.id()) }.get() == done
        done.durationMs() == 1500
        done.usage().costMicros() == 4210
    }

    def "an unknown id is not found"() {
        expect:
        inVault { repo.find(UUID.randomUUID()) }.isEmpty()
    }

    def "the list is newest first, ties latest added first, filtered by agent, chat and status"() {
        given:
        Agent other = storedAgent('Other')
        UUID chat = storedChat()
        def a = execution('a', T0)
        def b = execution('b', T0, other, chat)
        def c = execution('c', T0.plusSeconds(1), agent, chat)
        inVault { repo.update(c.moveTo(RUNNING, T0.plusSeconds(2))) }

        expect:
        inVault { repo.list(ExecutionFilter.all(), PageRequest.first()) }.items()*.input() == ['c', 'b', 'a']
        inVault { repo.list(new ExecutionFilter(agent.id(), null, null), PageRequest.first()) }.items()*.input() == ['c', 'a']
        inVault { repo.list(new ExecutionFilter(null, chat, null), PageRequest.first()) }.items()*.input() == ['c', 'b']
        inVault { repo.list(new ExecutionFilter(agent.id(), null, PENDING), PageRequest.first()) }.items()*.input() == ['a']
        inVault { repo.list(new ExecutionFilter(null, chat, RUNNING), PageRequest.first()) }.total() == 1
        [a, b]
    }

    def "a walk by cursor sees every execution once, newest first"() {
        given:
        def inputs = (1..7).collect { execution("run $it", T0.plusMillis(it.intdiv(2))).input() }

        expect:
        CursorWalk.items(3) { request -> inVault { repo.list(ExecutionFilter.all(), request) } }*.input() == inputs.reverse()
    }

    def "detaching an agent or a chat unlinks only their executions, which keep the agent's name"() {
        given:
        Agent other = storedAgent('Other')
        UUID chat = storedChat()
        def mine = execution('mine', T0, agent, chat)
        def theirs = execution('theirs', T0, other, null)

        when:
        inVault {
            repo.detachAgent(agent.id())
            repo.detachChat(chat)
        }

        then:
        with(inVault { repo.find(mine.id()) }.get()) {
            agentId() == null
            chatId() == null
            agentName() == 'Researcher'
            input() == 'mine'
        }
        inVault { repo.find(theirs.id()) }.get() == theirs
    }

    def "log lines are numbered per execution and read after a sequence"() {
        given:
        def first = execution('first')
        def second = execution('second')

        when:
        def lines = inVault {
            [repo.appendLog(ExecutionLog.unnumbered(first.id(), 'info', 'one', T0)),
             repo.appendLog(ExecutionLog.unnumbered(second.id(), 'info', 'other', T0)),
             repo.appendLog(ExecutionLog.unnumbered(first.id(), 'warning', 'two', T0.plusSeconds(1)))]
        }

        then:
        lines*.sequence() == [1, 1, 2]
        inVault { repo.logs(first.id(), 0, 10) }*.message() == ['one', 'two']
        inVault { repo.logs(first.id(), 1, 10) } == [lines[2]]
        inVault { repo.logs(first.id(), 0, 1) }*.message() == ['one']
        inVault { repo.logs(UUID.randomUUID(), 0, 10) } == []
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        def kept = execution('kept')

        when:
        call(repo, kept)

        then:
        thrown(NoVaultBoundException)
        inVault { repo.find(kept.id()) }.get() == kept
        inVault { repo.logs(kept.id(), 0, 10) } == []

        where:
        method        | call
        'add'         | { ExecutionRepository r, AgentExecution k -> r.add(AgentExecution.create(UUID.randomUUID(), storedAgentless(), null, 'x', T0)) }
        'update'      | { ExecutionRepository r, AgentExecution k -> r.update(k.moveTo(RUNNING, T0)) }
        'find'        | { ExecutionRepository r, AgentExecution k -> r.find(k.id()) }
        'list'        | { ExecutionRepository r, AgentExecution k -> r.list(ExecutionFilter.all(), PageRequest.first()) }
        'detachAgent' | { ExecutionRepository r, AgentExecution k -> r.detachAgent(k.agentId()) }
        'detachChat'  | { ExecutionRepository r, AgentExecution k -> r.detachChat(UUID.randomUUID()) }
        'appendLog'   | { ExecutionRepository r, AgentExecution k -> r.appendLog(ExecutionLog.unnumbered(k.id(), 'info', 'x', T0)) }
        'logs'        | { ExecutionRepository r, AgentExecution k -> r.logs(k.id(), 0, 10) }
    }

    /** An agent value for the refused add above: never stored, since the call fails first. */
    static Agent storedAgentless() {
        Agent.create(UUID.randomUUID(), 'never stored', null, 'm', null, true, [:], T0)
    }
}
