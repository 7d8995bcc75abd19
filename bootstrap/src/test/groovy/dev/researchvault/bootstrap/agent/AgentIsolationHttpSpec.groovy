package dev.researchvault.bootstrap.agent

import spock.lang.Shared

import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Ann owns an agent, an execution with a log line, and a chat; Bob, logged in at the same time, uses her ids with
 * his own token. Every id-taking endpoint answers him the 404 a random id gets, byte for byte; filters and body
 * references by her ids find nothing of hers; and her data is whole afterwards.
 */
class AgentIsolationHttpSpec extends AgentHttpSupport {

    @Shared
    String ann

    @Shared
    String bob

    @Shared
    Map<String, String> annIds = [:]

    @Shared
    Map<String, String> randomIds = [:]

    def setupSpec() {
        ann = newUser('ann')
        bob = newUser('bob')
        annIds.agent = newAgent(ann, [name: 'Ann agent', systemPrompt: 'ann private prompt']).id
        annIds.chat = chatOfAgent(ann, annIds.agent)
        annIds.execution = newExecution(ann, annIds.agent, [chatId: annIds.chat, input: 'ann private input']).id
        report(ann, annIds.execution, [status: 'running', usage: [promptTokens: 5, completionTokens: 5, costUsd: 0.5]])
        assert post("/api/v1/executions/${annIds.execution}/logs", [level: 'info', message: 'ann log'], ann).status == 201
        annIds.each { kind, id -> randomIds[kind] = UUID.randomUUID().toString() }
    }

    def "Bob's #method #template on Ann's id answers exactly what a random id answers"() {
        when:
        Reply onAnns = send(method, expand(template, annIds), body, bob)
        Reply onRandom = send(method, expand(template, randomIds), body, bob)

        then:
        onAnns.status == 404
        onAnns.problem
        onRandom.status == onAnns.status
        onRandom.text == onAnns.text
        !onAnns.text.contains('ann')

        where:
        method   | template                                | body
        'GET'    | '/api/v1/agents/{agent}'                | null
        'PATCH'  | '/api/v1/agents/{agent}'                | [name: 'taken over', active: false]
        'DELETE' | '/api/v1/agents/{agent}'                | null
        'POST'   | '/api/v1/agents/{agent}/executions'     | [input: 'x']
        'GET'    | '/api/v1/executions/{execution}'        | null
        'PATCH'  | '/api/v1/executions/{execution}'        | [status: 'cancelled', output: 'x']
        'POST'   | '/api/v1/executions/{execution}/logs'   | [level: 'error', message: 'x']
        'GET'    | '/api/v1/executions/{execution}/logs'   | null
        'GET'    | '/api/v1/executions/{execution}/logs?after=0' | null
    }

    def '#method #path of an unknown or malformed id is #code'() {
        expect:
        with(send(method, path, body, bob)) {
            status == 404
            problem
            json.code == code
        }

        where:
        [method, path, body, code] << [MISSING, 'not-a-uuid', '%25'].collectMany { id ->
            [['GET', "/api/v1/agents/$id", null, 'agent.not-found'],
             ['PATCH', "/api/v1/agents/$id", [name: 'x'], 'agent.not-found'],
             ['DELETE', "/api/v1/agents/$id", null, 'agent.not-found'],
             ['POST', "/api/v1/agents/$id/executions", [input: 'x'], 'agent.not-found'],
             ['GET', "/api/v1/executions/$id", null, 'execution.not-found'],
             ['PATCH', "/api/v1/executions/$id", [status: 'running'], 'execution.not-found'],
             ['POST', "/api/v1/executions/$id/logs", [level: 'info', message: 'm'], 'execution.not-found'],
             ['GET', "/api/v1/executions/$id/logs", null, 'execution.not-found']]
        }
    }

    def "Bob's own agent cannot run in Ann's chat: the same 404 as a random chat"() {
        given:
        String bobs = newAgent(bob).id

        when:
        Reply onAnns = post("/api/v1/agents/$bobs/executions", [input: 'x', chatId: annIds.chat], bob)
        Reply onRandom = post("/api/v1/agents/$bobs/executions", [input: 'x', chatId: randomIds.chat], bob)

        then:
        onAnns.status == 404
        onAnns.json.code == 'chat.not-found'
        onAnns.text == onRandom.text
    }

    def "Bob's lists filtered by Ann's ids, and his usage, show nothing of hers"() {
        given:
        String from = Instant.now().minus(1, ChronoUnit.DAYS)
        String to = Instant.now().plus(1, ChronoUnit.DAYS)

        expect:
        get("/api/v1/executions?agentId=${annIds.agent}", bob).text == get("/api/v1/executions?agentId=${randomIds.agent}", bob).text
        get("/api/v1/executions?chatId=${annIds.chat}", bob).text == get("/api/v1/executions?chatId=${randomIds.chat}", bob).text
        get("/api/v1/executions?agentId=${annIds.agent}", bob).json.total == 0
        get("/api/v1/chats?agentId=${annIds.agent}", bob).text == get("/api/v1/chats?agentId=${randomIds.agent}", bob).text
        post('/api/v1/chats', [title: 't', agentId: annIds.agent], bob).text == post('/api/v1/chats', [title: 't', agentId: randomIds.agent], bob).text
        get('/api/v1/agents?model=gpt-4o', bob).json.items*.name.every { !it.startsWith('Ann') }
        get("/api/v1/usage?from=$from&to=$to", bob).json.total.calls == 0
        get("/api/v1/usage?from=$from&to=$to", ann).json.total.costUsd == 0.5
    }

    def "Ann's data is whole after all of Bob's attempts"() {
        given:
        String annsAgent = annIds.agent

        expect:
        with(get("/api/v1/agents/${annIds.agent}", ann).json) {
            name == 'Ann agent'
            active == true
        }
        with(get("/api/v1/executions/${annIds.execution}", ann).json) {
            status == 'running'
            output == null
            agentId == annsAgent
        }
        get("/api/v1/executions/${annIds.execution}/logs", ann).json*.message == ['ann log']
        get('/api/v1/agents', ann).json.total == 1
    }

    private static String expand(String template, Map<String, String> ids) {
        template.replaceAll(/\{(\w+)\}/) { all, kind -> ids[kind] }
    }
}
