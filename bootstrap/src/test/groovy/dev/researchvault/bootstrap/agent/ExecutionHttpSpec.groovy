package dev.researchvault.bootstrap.agent

import spock.lang.Shared

import java.time.Duration
import java.time.Instant

/** {@code /api/v1/agents/{id}/executions} and {@code /api/v1/executions}: the life of an execution and its log. */
class ExecutionHttpSpec extends AgentHttpSupport {

    /** The PATCHes that bring a new execution to each status, by the allowed moves. */
    static final Map<String, List<String>> PATH_TO = [pending  : [], running: ['running'],
                                                      completed: ['running', 'completed'], failed: ['failed'],
                                                      cancelled: ['running', 'cancelled']]
    static final Map<String, List<String>> ALLOWED = [pending: ['running', 'failed', 'cancelled'],
                                                      running: ['completed', 'failed', 'cancelled']]

    @Shared
    String token

    @Shared
    Map agent

    def setupSpec() {
        token = newUser('runner')
        agent = newAgent(token, [name: 'Runner', model: 'claude-3'])
    }

    Map executionIn(String status) {
        Map execution = newExecution(token, agent.id)
        PATH_TO[status].each { execution = report(token, execution.id, [status: it]) }
        execution
    }

    def 'a new execution is pending, complete in shape, and names its agent and model'() {
        given:
        String agentId = agent.id

        when:
        Reply reply = post("/api/v1/agents/${agent.id}/executions", [input: 'What changed today?'], token)

        then:
        reply.status == 201
        with(reply.json) {
            UUID.fromString(id)
            it.agentId == agentId
            agentName == 'Runner'
            it.containsKey('chatId') && chatId == null
            status == 'pending'
            input == 'What changed today?'
            it.containsKey('output') && output == null
            it.containsKey('error') && error == null
            model == 'claude-3'
            Instant.parse(createdAt)
            it.containsKey('startedAt') && startedAt == null
            it.containsKey('completedAt') && completedAt == null
            it.containsKey('durationMs') && durationMs == null
            it.containsKey('usage') && usage == null
        }
        get("/api/v1/executions/${reply.json.id}", token).json == reply.json
    }

    def 'an execution in a chat of the agent names the chat'() {
        given:
        String chat = chatOfAgent(token, agent.id)

        expect:
        newExecution(token, agent.id, [chatId: chat]).chatId == chat
    }

    def 'starting with #body is #status #code'() {
        expect:
        with(post("/api/v1/agents/${agent.id}/executions", body, token)) {
            it.status == status
            problem
            json.code == code
        }

        where:
        body                                      || status | code
        [:]                                       || 400    | 'execution.invalid-input'
        [input: ' ']                              || 400    | 'execution.invalid-input'
        [input: 'x' * 1_000_001]                  || 400    | 'execution.invalid-input'
        [input: 'x', chatId: 'not-a-chat']        || 404    | 'chat.not-found'
        [input: 'x', chatId: MISSING]             || 404    | 'chat.not-found'
        [input: [a: 'x']]                         || 400    | 'request.invalid'
    }

    def 'a parked agent does not run: 409 agent.inactive until it is active again'() {
        given:
        Map parked = newAgent(token, [active: false])

        when:
        def refused = post("/api/v1/agents/${parked.id}/executions", [input: 'x'], token)

        then:
        refused.status == 409
        refused.problem
        refused.json.code == 'agent.inactive'
        get("/api/v1/executions?agentId=${parked.id}", token).json.total == 0

        when:
        patch("/api/v1/agents/${parked.id}", [active: true], token)

        then:
        post("/api/v1/agents/${parked.id}/executions", [input: 'x'], token).status == 201
    }

    def 'from #from to #to is #expected'() {
        given:
        Map execution = executionIn(from)

        when:
        def reply = patch("/api/v1/executions/${execution.id}", [status: to], token)

        then:
        reply.status == expected
        if (expected == 200) {
            assert reply.json.status == to
        } else {
            assert reply.problem && reply.json.code == 'execution.illegal-status-change'
            assert get("/api/v1/executions/${execution.id}", token).json == execution
        }

        where:
        [from, to] << [PATH_TO.keySet(), PATH_TO.keySet()].combinations()
        expected = (from == to || ALLOWED[from]?.contains(to)) ? 200 : 409
    }

    def 'the status sets the times: started by running, completed by an end state, and the duration between'() {
        given:
        Map execution = newExecution(token, agent.id)

        when:
        Map running = report(token, execution.id, [status: 'running'])
        Thread.sleep(5)
        Map done = report(token, execution.id, [status: 'completed'])

        then:
        Instant.parse(running.startedAt) >= Instant.parse(execution.createdAt)
        running.completedAt == null
        done.startedAt == running.startedAt
        done.durationMs == Duration.between(Instant.parse(done.startedAt), Instant.parse(done.completedAt)).toMillis()
        done.durationMs >= 5

        and: 'a pending execution that fails never started: no duration'
        with(report(token, newExecution(token, agent.id).id, [status: 'failed', error: 'model unreachable'])) {
            status == 'failed'
            error == 'model unreachable'
            startedAt == null
            completedAt != null
            durationMs == null
        }
    }

    def 'output, usage and the final status are one PATCH, and a finished result is final'() {
        given:
        Map execution = executionIn('running')

        when:
        Map done = report(token, execution.id, [status: 'completed', output: 'All quiet.',
                                                usage: [promptTokens: 1200, completionTokens: 80, costUsd: 0.0042]])

        then:
        done.status == 'completed'
        done.output == 'All quiet.'
        done.usage == [promptTokens: 1200, completionTokens: 80, costUsd: 0.0042]
        get("/api/v1/executions/${execution.id}", token).json == done

        expect: 'no later report changes the result, with or without a status'
        [[output: 'changed'], [error: 'late'], [usage: [promptTokens: 1, completionTokens: 1]],
         [status: 'completed', output: 'again']].every { body ->
            def reply = patch("/api/v1/executions/${execution.id}", body, token)
            reply.status == 409 && reply.json.code == 'execution.finished'
        }
        patch("/api/v1/executions/${execution.id}", [status: 'completed'], token).json == done
        get("/api/v1/executions/${execution.id}", token).json == done
    }

    def 'a report without a status changes the result only, and the latest usage replaces the earlier one'() {
        given:
        Map execution = executionIn('running')

        when:
        report(token, execution.id, [output: 'partial', usage: [promptTokens: 10, completionTokens: 1, costUsd: 0.1]])
        Map later = report(token, execution.id, [usage: [promptTokens: 20, completionTokens: 2]])

        then:
        later.status == 'running'
        later.output == 'partial'
        later.usage == [promptTokens: 20, completionTokens: 2, costUsd: null]
    }

    def 'usage cost #sent is kept as #kept (whole micro-dollars, half up)'() {
        given:
        Map execution = executionIn('running')

        when:
        def reply = patch("/api/v1/executions/${execution.id}",
                "{\"usage\":{\"promptTokens\":1,\"completionTokens\":2,\"costUsd\":$sent}}".toString(), token)

        then:
        reply.status == 200
        reply.text.contains("\"costUsd\":$kept")
        get("/api/v1/executions/${execution.id}", token).json.usage.costUsd == new BigDecimal(kept)

        where:
        sent                       || kept
        '0.00000149999999999999'   || '0.000001'
        '0.0000015'                || '0.000002'
        '0.12345678901234567890'   || '0.123457'
        '0.00000049999999999999'   || '0'
        '1E-3'                     || '0.001'
        '2.50'                     || '2.5'
        '1000000000'               || '1000000000'
    }

    def 'patching with #body is a bad request #code and changes nothing'() {
        given:
        Map execution = executionIn('running')

        when:
        def reply = patch("/api/v1/executions/${execution.id}", body, token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == code
        get("/api/v1/executions/${execution.id}", token).json == execution

        where:
        body                                                                     || code
        [status: 'done']                                                         || 'execution.invalid-status'
        [status: '']                                                             || 'execution.invalid-status'
        [usage: [promptTokens: -1, completionTokens: 0]]                         || 'usage.invalid-tokens'
        [usage: [promptTokens: 0, completionTokens: -5]]                         || 'usage.invalid-tokens'
        [usage: [promptTokens: 1_000_000_000_001, completionTokens: 0]]          || 'usage.invalid-tokens'
        [usage: [promptTokens: 1]]                                               || 'usage.invalid-tokens'
        [usage: [promptTokens: 1, completionTokens: 1, costUsd: -0.01]]          || 'usage.invalid-cost'
        [usage: [promptTokens: 1, completionTokens: 1, costUsd: 1_000_000_001]]  || 'usage.invalid-cost'
        [usage: 'lots']                                                          || 'request.invalid'
        [usage: [promptTokens: 'ten', completionTokens: 1]]                      || 'request.invalid'
        [output: 'x' * 1_000_001]                                                || 'execution.invalid-output'
        [error: 'e' * 10_001]                                                    || 'execution.invalid-error'
        '{"output":"a\\uD800b"}'                                                 || 'execution.invalid-output'
        '{"status":'                                                             || 'request.invalid'
    }

    def 'log lines are numbered in order and read after a sequence, oldest first'() {
        given:
        String id = newExecution(token, agent.id).id

        when:
        List<Map> lines = ['debug', 'info', 'warning', 'error'].withIndex().collect { level, i ->
            def reply = post("/api/v1/executions/$id/logs", [level: level, message: "line ${i + 1}"], token)
            assert reply.status == 201: reply
            reply.json as Map
        }

        then:
        lines*.sequence == [1, 2, 3, 4]
        lines.every { it.keySet() == ['sequence', 'level', 'message', 'createdAt'] as Set && Instant.parse(it.createdAt) }
        get("/api/v1/executions/$id/logs", token).json == lines
        get("/api/v1/executions/$id/logs?after=2", token).json*.message == ['line 3', 'line 4']
        get("/api/v1/executions/$id/logs?after=4", token).json == []
        get("/api/v1/executions/$id/logs?after=-7", token).json.size() == 4

        and: 'each execution numbers its own lines'
        post("/api/v1/executions/${newExecution(token, agent.id).id}/logs", [level: 'info', message: 'm'], token).json.sequence == 1
    }

    def 'a log line with #body is a bad request #code'() {
        given:
        String id = newExecution(token, agent.id).id

        expect:
        with(post("/api/v1/executions/$id/logs", body, token)) {
            status == 400
            problem
            json.code == code
        }
        get("/api/v1/executions/$id/logs", token).json == []

        where:
        body                                      || code
        [level: 'panic', message: 'm']            || 'execution.invalid-log-level'
        [message: 'm']                            || 'execution.invalid-log-level'
        [level: 'info', message: '']              || 'execution.invalid-log-message'
        [level: 'info', message: 'm' * 10_001]    || 'execution.invalid-log-message'
        '{"level":"info","message":"\\uDC00"}'   || 'execution.invalid-log-message'
    }

    def 'logs ?after=#after is a bad request naming the parameter'() {
        given:
        String id = newExecution(token, agent.id).id

        expect:
        with(get("/api/v1/executions/$id/logs?after=$after", token)) {
            status == 400
            json.code == 'request.invalid-parameter'
            json.detail.startsWith('after must be')
        }

        where:
        after << ['abc', '1.5', '99999999999999999999']
    }
}
