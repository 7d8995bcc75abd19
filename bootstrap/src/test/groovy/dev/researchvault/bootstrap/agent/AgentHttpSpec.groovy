package dev.researchvault.bootstrap.agent

import spock.lang.Shared

import java.nio.file.Files
import java.time.Instant

/** {@code /api/v1/agents}: create, read, change, delete, unique names, and what a deleted agent leaves behind. */
class AgentHttpSpec extends AgentHttpSupport {

    @Shared
    String token

    def setupSpec() {
        token = newUser('agents')
    }

    def 'a new agent is complete in shape, active by default, and reads back the same'() {
        given:
        String user = newUser()

        when:
        Reply reply = post('/api/v1/agents', [name: 'Scout', model: 'gpt-4o', systemPrompt: 'You find sources.',
                                              parameters: [temperature: 0.2, tools: ['search', [depth: 2]]]], user)

        then:
        reply.status == 201
        with(reply.json) {
            UUID.fromString(id)
            name == 'Scout'
            it.containsKey('description') && description == null
            model == 'gpt-4o'
            systemPrompt == 'You find sources.'
            active == true
            parameters == [temperature: 0.2, tools: ['search', [depth: 2]]]
            Instant.parse(createdAt) == Instant.parse(updatedAt)
        }
        get("/api/v1/agents/${reply.json.id}", user).json == reply.json
    }

    def 'creating with #body is a bad request #code'() {
        expect:
        with(post('/api/v1/agents', body, token)) {
            status == 400
            problem
            json.code == code
        }

        where:
        body                                                   || code
        [model: 'm']                                           || 'agent.invalid-name'
        [name: '  ', model: 'm']                               || 'agent.invalid-name'
        [name: ' padded', model: 'm']                          || 'agent.invalid-name'
        [name: 'x' * 201, model: 'm']                          || 'agent.invalid-name'
        [name: 'no model']                                     || 'agent.invalid-model'
        [name: 'long model', model: 'm' * 201]                 || 'agent.invalid-model'
        [name: 'long text', model: 'm', description: 'd' * 2001] || 'agent.invalid-description'
        [name: 'long prompt', model: 'm', systemPrompt: 'p' * 100_001] || 'agent.invalid-system-prompt'
        [name: 'wide', model: 'm', parameters: [blob: 'x' * 16_400]] || 'agent.parameters-too-large'
        [name: 'many', model: 'm', parameters: (1..2000).collectEntries { ["k$it", it] }] || 'agent.parameters-too-large'
        [name: 'typed', model: 'm', parameters: 'not an object'] || 'request.invalid'
        [name: 'typed', model: 'm', active: 'maybe']           || 'agent.invalid-active'
        [name: 'typed', model: 'm', active: 'true']            || 'agent.invalid-active'
        [name: 'typed', model: 'm', active: 1]                 || 'agent.invalid-active'
        [name: 'typed', model: 'm', active: [true]]            || 'agent.invalid-active'
        '{"name": '                                            || 'request.invalid'
    }

    def 'parameters nested #depth levels deep are refused with agent.parameters-too-deep, #within levels are kept'() {
        given:
        String deep = '[' * (depth - 1) + ']' * (depth - 1)
        String fine = '[' * (within - 1) + ']' * (within - 1)

        when:
        Reply refused = post('/api/v1/agents', "{\"name\":\"deep-$depth\",\"model\":\"m\",\"parameters\":{\"k\":$deep}}".toString(), token)
        Reply kept = post('/api/v1/agents', "{\"name\":\"fine-$depth\",\"model\":\"m\",\"parameters\":{\"k\":$fine}}".toString(), token)

        then:
        refused.status == 400
        refused.json.code == 'agent.parameters-too-deep'
        kept.status == 201
        get("/api/v1/agents/${kept.json.id}", token).status == 200
        get('/api/v1/agents?size=200', token).status == 200

        where:
        depth | within
        33    | 32
        65    | 32
        999   | 32
    }

    def 'parameters are kept verbatim: nulls, numbers, text, lists and objects'() {
        given:
        Map parameters = [temperature: 0.7, maxTokens: 4096, stop: null, tools: [[name: 'search', args: [q: null]]],
                          note: 'e\u0301 \uD83D\uDE00', flag: false]

        when:
        Map agent = newAgent(token, [parameters: parameters])

        then:
        agent.parameters == parameters
        get("/api/v1/agents/${agent.id}", token).json.parameters == parameters
    }

    def 'names are unique per user regardless of ASCII case, and only of ASCII case'() {
        given:
        String user = newUser('names')
        Map scout = newAgent(user, [name: 'Scout'])

        expect: 'the same name in another case is taken, by a new agent or a rename'
        with(post('/api/v1/agents', [name: 'SCOUT', model: 'm'], user)) {
            status == 409
            problem
            json.code == 'agent.name-taken'
        }
        patch("/api/v1/agents/${newAgent(user, [name: 'Other']).id}", [name: 'scout'], user).json.code == 'agent.name-taken'

        and: 'an agent may change the case of its own name'
        patch("/api/v1/agents/${scout.id}", [name: 'scout'], user).json.name == 'scout'

        and: 'letters beyond ASCII are not folded: Ärger and ärger are two names'
        newAgent(user, [name: 'Ärger']).name == 'Ärger'
        newAgent(user, [name: 'ärger']).name == 'ärger'

        and: 'another user may use any of these names'
        newAgent(newUser('names-too'), [name: 'SCOUT']).name == 'SCOUT'
    }

    def 'PATCH changes only what it names; "" clears description and system prompt'() {
        given:
        Map agent = newAgent(token, [description: 'finds things', systemPrompt: 'Be brief.', parameters: [t: 1]])

        when:
        Reply renamed = patch("/api/v1/agents/${agent.id}", [name: "${agent.name}-2", active: false], token)

        then:
        renamed.status == 200
        with(renamed.json) {
            name == "${agent.name}-2"
            active == false
            description == 'finds things'
            systemPrompt == 'Be brief.'
            parameters == [t: 1]
            createdAt == agent.createdAt
            Instant.parse(updatedAt) >= Instant.parse(agent.updatedAt)
        }

        when:
        Reply cleared = patch("/api/v1/agents/${agent.id}", [description: '', systemPrompt: '', parameters: [:], model: 'o3'], token)

        then:
        with(cleared.json) {
            it.containsKey('description') && description == null
            it.containsKey('systemPrompt') && systemPrompt == null
            parameters == [:]
            model == 'o3'
            active == false
        }
        get("/api/v1/agents/${agent.id}", token).json == cleared.json
    }

    def 'patching with #body is a bad request #code and changes nothing'() {
        given:
        Map agent = newAgent(token)

        when:
        Reply reply = patch("/api/v1/agents/${agent.id}", body, token)

        then:
        reply.status == 400
        reply.json.code == code
        get("/api/v1/agents/${agent.id}", token).json == agent

        where:
        body                                        || code
        [name: '']                                  || 'agent.invalid-name'
        [model: '']                                 || 'agent.invalid-model'
        [description: 'd' * 2001]                   || 'agent.invalid-description'
        '{"parameters":{"k":' + '[' * 40 + ']' * 40 + '}}' || 'agent.parameters-too-deep'
        [name: 'a\uD800b']                          || 'agent.invalid-name'
        [active: 'yes']                             || 'agent.invalid-active'
        [active: 0]                                 || 'agent.invalid-active'
    }

    def 'a deleted agent is gone; its chats and executions stay, detached, with its name'() {
        given:
        String user = newUser('leaver')
        Map agent = newAgent(user, [name: 'Doomed'])
        String chat = chatOfAgent(user, agent.id)
        Map inChat = newExecution(user, agent.id, [chatId: chat])
        Map alone = newExecution(user, agent.id)
        assert get("/api/v1/chats/$chat", user).json.agentId == agent.id

        when:
        Reply deleted = delete("/api/v1/agents/${agent.id}", user)

        then:
        deleted.status == 204
        get("/api/v1/agents/${agent.id}", user).json.code == 'agent.not-found'
        delete("/api/v1/agents/${agent.id}", user).status == 404
        get('/api/v1/agents', user).json.total == 0

        and: 'the executions keep everything but the link'
        [inChat, alone].every { before ->
            def after = get("/api/v1/executions/${before.id}", user).json
            after.agentId == null && after.agentName == 'Doomed' && after == before + [agentId: null]
        }
        get("/api/v1/executions?chatId=$chat", user).json.items*.id == [inChat.id]

        and: 'the chat keeps its name of the agent'
        with(get("/api/v1/chats/$chat", user).json) {
            it.containsKey('agentId') && agentId == null
            agentName == 'Doomed'
        }
        get("/api/v1/chats?agentId=${agent.id}", user).json.total == 0

        and: 'a new agent may take the name again'
        newAgent(user, [name: 'Doomed']).id != agent.id
    }

    def 'the system prompt and parameters are not on disk in clear'() {
        given:
        String name = uniqueName('disk')
        assert register(name).status == 201
        String user = login(name)
        String prompt = "Secret instructions ${UUID.randomUUID()} for the agent"
        String parameter = "secret-parameter-${UUID.randomUUID()}"

        when:
        Map agent = newAgent(user, [systemPrompt: prompt, parameters: [note: parameter]])
        newExecution(user, agent.id, [input: "input $parameter"])

        then:
        get("/api/v1/agents/${agent.id}", user).json.systemPrompt == prompt
        def userFiles = Files.list(userDirOf(name)).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }
        userFiles*.fileName*.toString().contains('vault.db')
        userFiles.every { file ->
            String bytes = new String(Files.readAllBytes(file), 'ISO-8859-1')
            !bytes.contains(prompt) && !bytes.contains(parameter)
        }
    }
}
