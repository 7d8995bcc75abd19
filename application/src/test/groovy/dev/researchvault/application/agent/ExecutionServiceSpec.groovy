package dev.researchvault.application.agent

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.agent.ManageAgentsUseCase.NewAgent
import dev.researchvault.application.agent.RunAgentsUseCase.ExecutionReport
import dev.researchvault.application.support.RecordingChangeFeed
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.ExecutionFilter
import dev.researchvault.domain.agent.ExecutionStatus
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.usage.TokenUsage
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static dev.researchvault.domain.agent.ExecutionStatus.CANCELLED
import static dev.researchvault.domain.agent.ExecutionStatus.COMPLETED
import static dev.researchvault.domain.agent.ExecutionStatus.FAILED
import static dev.researchvault.domain.agent.ExecutionStatus.PENDING
import static dev.researchvault.domain.agent.ExecutionStatus.RUNNING

/** Executions of the caller's agents: their life, the engine's reports, their logs, in the caller's vault. */
class ExecutionServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-06-01T08:00:00.123Z')
    static final List<List<ExecutionStatus>> ALLOWED = [[PENDING, RUNNING], [PENDING, FAILED], [PENDING, CANCELLED],
                                                       [RUNNING, COMPLETED], [RUNNING, FAILED], [RUNNING, CANCELLED]]

    MutableClock clock = new MutableClock(T0)
    RecordingVaultScope scope = new RecordingVaultScope()
    RecordingChangeFeed events = new RecordingChangeFeed()
    AgentVaults vaults = new AgentVaults()
    AgentService agents = new AgentService(scope.vaultWork(), vaults.agents, vaults.executions, vaults.chats, clock)
    ExecutionService service = new ExecutionService(scope.vaultWork(), vaults.executions, vaults.agents, vaults.chats, events, clock)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')
    Agent agent = agents.create(alice, new NewAgent('Researcher', null, 'gpt-4o', null, null, null))

    AgentExecution inStatus(ExecutionStatus status) {
        AgentExecution execution = service.start(alice, agent.id(), null, 'input')
        List<ExecutionStatus> path = status == PENDING ? [] : status == RUNNING || status == COMPLETED ? [RUNNING, status] : [status]
        path.unique().each { execution = service.update(alice, execution.id(), new ExecutionReport(it, null, null, null)) }
        execution
    }

    def "a started execution is pending, records the agent's model and name, and reads back"() {
        when:
        AgentExecution started = service.start(alice, agent.id(), null, 'summarise')

        then:
        started.status() == PENDING
        started.model() == 'gpt-4o'
        started.agentName() == 'Researcher'
        started.startedAt() == null
        service.get(alice, started.id()) == started
        scope.onlyBound(alice)
    }

    def "a run: started, then completed with its output and usage in one report; times follow the moves"() {
        given:
        AgentExecution started = service.start(alice, agent.id(), null, 'summarise')
        clock.advance(Duration.ofSeconds(1))
        service.update(alice, started.id(), new ExecutionReport(RUNNING, null, null, null))
        clock.advance(Duration.ofMillis(2500))

        when:
        AgentExecution done = service.update(alice, started.id(),
                new ExecutionReport(COMPLETED, 'the summary', null, new TokenUsage(900, 120, 0.002)))

        then:
        done.status() == COMPLETED
        done.output() == 'the summary'
        done.usage() == new TokenUsage(900, 120, 0.002)
        done.startedAt() == T0 + Duration.ofSeconds(1)
        done.durationMs() == 2500
        service.get(alice, started.id()) == done
    }

    def "a start, each report and each log line are announced after their transaction; refusals are not"() {
        given:
        AgentExecution started = service.start(alice, agent.id(), null, 'summarise')
        service.update(alice, started.id(), new ExecutionReport(RUNNING, null, null, null))
        def line = service.appendLog(alice, started.id(), 'info', 'thinking')
        try { service.update(alice, started.id(), new ExecutionReport(PENDING, null, null, null)) } catch (ConflictException ignored) { }
        try { service.appendLog(bob, started.id(), 'info', 'x') } catch (NotFoundException ignored) { }

        expect:
        events.types() == ['execution.updated', 'execution.updated', 'execution.log']
        events.published.every { it.user == alice.userId() && !it.insideTransaction && it.event.subject() == started.id() }
        events.published[1].event.data() == [id: started.id().toString(), agentId: agent.id().toString(), chatId: null,
                                             status: 'running']
        events.published[2].event.data().sequence == line.sequence()
        events.published[2].event.data().message == 'thinking'
    }

    def "the documented moves are allowed (#from -> #to)"() {
        given:
        AgentExecution execution = inStatus(from)

        expect:
        service.update(alice, execution.id(), new ExecutionReport(to, null, null, null)).status() == to

        where:
        [from, to] << ALLOWED
    }

    def "every other move is refused with 409 and changes nothing (#from -> #to)"() {
        given:
        AgentExecution execution = inStatus(from)

        when:
        service.update(alice, execution.id(), new ExecutionReport(to, 'output', null, null))

        then:
        def refused = thrown(ConflictException)
        refused.code() in ['execution.illegal-status-change', 'execution.finished']
        service.get(alice, execution.id()) == execution

        where:
        [from, to] << [ExecutionStatus.values().toList(), ExecutionStatus.values().toList()].combinations()
                .findAll { f, t -> f != t && !ALLOWED.contains([f, t]) }
    }

    def "a finished execution's result is final, even without a status change"() {
        given:
        AgentExecution done = inStatus(COMPLETED)

        when:
        service.update(alice, done.id(), new ExecutionReport(null, 'rewritten', null, null))

        then:
        def refused = thrown(ConflictException)
        refused.code() == 'execution.finished'
        service.get(alice, done.id()).output() == null
    }

    def "a parked agent cannot be started; an unknown agent or chat is not found; nothing is stored"() {
        given:
        Agent parked = agents.create(alice, new NewAgent('Parked', null, 'm', null, false, null))

        when:
        service.start(alice, parked.id(), null, 'x')

        then:
        thrown(ConflictException)

        when:
        service.start(alice, UUID.randomUUID(), null, 'x')

        then:
        thrown(NotFoundException)

        when:
        service.start(alice, agent.id(), UUID.randomUUID(), 'x')

        then:
        def noChat = thrown(NotFoundException)
        noChat.code() == 'chat.not-found'
        service.list(alice, ExecutionFilter.all(), PageRequest.first()).total() == 0
    }

    def "a log line without a level or with an unknown one is refused with 400"() {
        given:
        AgentExecution execution = service.start(alice, agent.id(), null, 'x')

        when:
        service.appendLog(alice, execution.id(), level, 'm')

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'execution.invalid-log-level'
        service.logs(alice, execution.id(), 0).isEmpty()

        where:
        level << [null, 'panic', 'INFO']
    }

    def "a blank input is refused"() {
        when:
        service.start(alice, agent.id(), null, '  ')

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'execution.invalid-input'
    }

    def "an execution in a chat is listed by chat, by agent and by status"() {
        given:
        Chat chat = Chat.create(UUID.randomUUID(), 'work', T0)
        scope.vaultWork().inTransaction(alice) { vaults.chats.add(chat) }
        AgentExecution inChat = service.start(alice, agent.id(), chat.id(), 'in the chat')
        clock.advance(Duration.ofSeconds(1))
        AgentExecution loose = service.start(alice, agent.id(), null, 'loose')

        expect:
        service.list(alice, new ExecutionFilter(null, chat.id(), null), PageRequest.first()).items() == [inChat]
        service.list(alice, new ExecutionFilter(agent.id(), null, PENDING), PageRequest.first()).items() == [loose, inChat]
        service.list(bob, ExecutionFilter.all(), PageRequest.first()).total() == 0
    }

    def "log lines are numbered and read after a sequence; another user's execution is not found"() {
        given:
        AgentExecution execution = service.start(alice, agent.id(), null, 'x')
        service.appendLog(alice, execution.id(), 'info', 'one')
        service.appendLog(alice, execution.id(), 'error', 'two')

        expect:
        service.logs(alice, execution.id(), 0)*.sequence() == [1, 2]
        service.logs(alice, execution.id(), 1)*.message() == ['two']

        when:
        operation(service, bob, execution.id())

        then:
        def missing = thrown(NotFoundException)
        missing.code() == 'execution.not-found'
        service.logs(alice, execution.id(), 0).size() == 2

        where:
        operation << [
                { ExecutionService s, Session who, UUID id -> s.get(who, id) },
                { ExecutionService s, Session who, UUID id -> s.update(who, id, new ExecutionReport(RUNNING, null, null, null)) },
                { ExecutionService s, Session who, UUID id -> s.appendLog(who, id, 'info', 'intruder') },
                { ExecutionService s, Session who, UUID id -> s.logs(who, id, 0) },
        ]
    }
}
