package dev.researchvault.application.agent

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.agent.ManageAgentsUseCase.NewAgent
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentFilter
import dev.researchvault.domain.agent.ExecutionFilter
import dev.researchvault.domain.chat.Chat
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** The caller's agents: rules, uniqueness, lists, and what deleting one leaves behind, in the caller's vault. */
class AgentServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123456Z')

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    AgentVaults vaults = new AgentVaults()
    AgentService service = new AgentService(scope.vaultWork(), vaults.agents, vaults.executions, vaults.chats, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')

    Agent create(String name, Session who = alice, Boolean active = null) {
        service.create(who, new NewAgent(name, null, 'llama3', null, active, null))
    }

    def "a created agent is active by default, stamped at the millisecond, and reads back"() {
        when:
        Agent agent = service.create(alice, new NewAgent('Researcher', 'digs', 'gpt-4o', 'Be careful.', null, [temperature: 0.1]))

        then:
        agent.active()
        agent.createdAt() == Instant.parse('2026-06-01T08:00:00.123Z')
        agent.updatedAt() == agent.createdAt()
        service.get(alice, agent.id()) == agent
        scope.onlyBound(alice)
    }

    def "parameters with null members are kept as they came"() {
        given:
        Map parameters = [stop: null, tools: [[name: 'search', args: null]], temperature: 0.2]

        when:
        Agent agent = service.create(alice, new NewAgent('Nulls', null, 'm', null, null, parameters))

        then:
        agent.parameters() == parameters
        service.get(alice, agent.id()).parameters() == parameters
    }

    def "bad fields are refused before anything is stored"() {
        when:
        service.create(alice, new NewAgent(name, null, model, null, null, parameters))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        service.list(alice, AgentFilter.all(), PageRequest.first()).total() == 0

        where:
        name         | model    | parameters                                   || code
        ''           | 'm'      | null                                         || 'agent.invalid-name'
        ' padded '   | 'm'      | null                                         || 'agent.invalid-name'
        'x' * 201    | 'm'      | null                                         || 'agent.invalid-name'
        'ok'         | null     | null                                         || 'agent.invalid-model'
        'ok'         | 'm'      | [big: 'x' * (16 * 1024)]                     || 'agent.parameters-too-large'
        'ok'         | 'm'      | (1..40).inject([:]) { inner, i -> [n: inner] } || 'agent.parameters-too-deep'
    }

    def "names are unique per user, not across users"() {
        given:
        create('Writer')

        when:
        create('writer')

        then:
        def taken = thrown(ConflictException)
        taken.code() == 'agent.name-taken'

        expect:
        create('Writer', bob).name() == 'Writer'
    }

    def "an update changes only what it names, moves updatedAt, and an empty description clears it"() {
        given:
        Agent agent = service.create(alice, new NewAgent('Writer', 'old words', 'llama3', 'prompt', true, [a: 1]))
        clock.advance(Duration.ofSeconds(5))

        when:
        Agent changed = service.update(alice, agent.id(), new Agent.AgentChanges(null, '', 'gpt-4o', null, false, null))

        then:
        changed.name() == 'Writer'
        changed.description() == null
        changed.model() == 'gpt-4o'
        changed.systemPrompt() == 'prompt'
        !changed.active()
        changed.parameters() == [a: 1]
        changed.updatedAt() == agent.createdAt() + Duration.ofSeconds(5)
        service.get(alice, agent.id()) == changed
    }

    def "a refused update changes nothing"() {
        given:
        Agent writer = create('Writer')
        Agent editor = create('Editor')

        when:
        service.update(alice, editor.id(), new Agent.AgentChanges('WRITER', null, 'other', null, null, null))

        then:
        thrown(ConflictException)
        service.get(alice, editor.id()) == editor
        service.get(alice, writer.id()) == writer
    }

    def "another user's agent, and an unknown one, are not found by any use case"() {
        given:
        Agent hers = create('Hers')

        when:
        operation(service, bob, hers.id())

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'agent.not-found'
        service.get(alice, hers.id()) == hers

        where:
        operation << [
                { AgentService s, Session who, UUID id -> s.get(who, id) },
                { AgentService s, Session who, UUID id -> s.update(who, id, new Agent.AgentChanges('x', null, null, null, null, null)) },
                { AgentService s, Session who, UUID id -> s.delete(who, id) },
        ]
    }

    def "lists filter by active flag and model, newest change first"() {
        given:
        create('a')
        clock.advance(Duration.ofSeconds(1))
        create('b', alice, false)
        clock.advance(Duration.ofSeconds(1))
        service.create(alice, new NewAgent('c', null, 'gpt-4o', null, null, null))

        expect:
        service.list(alice, AgentFilter.all(), PageRequest.first()).items()*.name() == ['c', 'b', 'a']
        service.list(alice, new AgentFilter(true, null), PageRequest.first()).items()*.name() == ['c', 'a']
        service.list(alice, new AgentFilter(null, 'llama3'), PageRequest.first()).items()*.name() == ['b', 'a']
        service.list(bob, AgentFilter.all(), PageRequest.first()).total() == 0
    }

    def "deleting an agent keeps its chats and executions, detached, with the agent's name as it was"() {
        given:
        Agent agent = create('Researcher')
        Chat chat = Chat.create(UUID.randomUUID(), 'with the agent', agent, T0)
        AgentExecution execution = AgentExecution.create(UUID.randomUUID(), agent, chat.id(), 'go', T0)
        scope.vaultWork().inTransaction(alice) {
            vaults.chats.add(chat)
            vaults.executions.add(execution)
        }

        when:
        service.delete(alice, agent.id())

        then:
        service.list(alice, AgentFilter.all(), PageRequest.first()).total() == 0
        with(scope.vaultWork().inVault(alice) { vaults.chats.find(chat.id()) }.get().chat()) {
            agentId() == null
            agentName() == 'Researcher'
        }
        with(scope.vaultWork().inVault(alice) { vaults.executions.list(ExecutionFilter.all(), PageRequest.first()) }.items()) {
            size() == 1
            it[0].agentId() == null
            it[0].agentName() == 'Researcher'
            it[0].chatId() == chat.id()
        }
    }
}
