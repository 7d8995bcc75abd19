package dev.researchvault.bootstrap.agent

import spock.lang.Shared

/**
 * The agent and execution lists: their filters, page numbers and cursors, and a 400 problem with a stable code
 * for every filter value the server cannot read.
 */
class AgentListsHttpSpec extends AgentHttpSupport {

    @Shared
    String token

    /** 25 agents, newest first: every third one parked (2, 5, 8, …), models alternating. */
    @Shared
    List<Map> agents

    /** 30 executions, newest first: 20 of the first agent (10 in the chat), 10 of the second. */
    @Shared
    List<Map> executions

    @Shared
    String chat

    def setupSpec() {
        token = newUser('lists')
        agents = (0..24).collect {
            newAgent(token, [name: "agent $it", model: it % 2 ? 'odd-model' : 'even-model', active: it % 3 != 2])
        }
        chat = chatOfAgent(token, agents[0].id)
        executions = (0..29).collect { i ->
            newExecution(token, i < 20 ? agents[0].id : agents[1].id, i < 10 ? [chatId: chat] : [:])
        }.reverse()
        agents = agents.reverse()
    }

    /** The answers met following {@code next} from {@code path} (which has its query string started). */
    List<Object> walk(String path) {
        List<Object> answers = [get(path, token).json]
        while (answers.last().next != null) {
            assert answers.size() < 100: 'the walk does not end'
            answers << get("$path&after=${answers.last().next}", token).json
        }
        answers
    }

    def 'following next through the #list list with size #size visits every item once, newest first'() {
        when:
        List<Object> answers = walk("/api/v1/$list?size=$size")

        then:
        answers.collectMany { it.items*.id } == all()[list]*.id
        answers*.page == [0] + [null] * (answers.size() - 1)
        answers*.total.every { it == all()[list].size() }
        answers.last().next == null

        where:
        list         | size
        'agents'     | 10
        'agents'     | 1
        'executions' | 7
        'executions' | 200
    }

    def '#list filtered by #query: #count of them, the same by page and by cursor'() {
        given:
        Map ids = [AGENT0: agents[-1].id, AGENT1: agents[-2].id, CHAT: chat]
        String resolved = query.replaceAll(/AGENT0|AGENT1|CHAT/) { ids[it] }
        List<String> expected = all()[list].findAll { matching(it, ids) }*.id

        when:
        def page = get("/api/v1/$list?size=200&$resolved", token).json
        def walked = walk("/api/v1/$list?size=3&$resolved")

        then:
        page.items*.id == expected
        page.total == count
        walked.collectMany { it.items*.id } == expected
        walked*.total.every { it == count }

        where:
        list         | query                           | matching                                   || count
        'agents'     | 'active=true'                   | { a, i -> a.active }                       || 17
        'agents'     | 'active=false'                  | { a, i -> !a.active }                      || 8
        'agents'     | 'model=odd-model'               | { a, i -> a.model == 'odd-model' }         || 12
        'agents'     | 'model=odd-model&active=false'  | { a, i -> a.model == 'odd-model' && !a.active } || 4
        'agents'     | 'model=no-such-model'           | { a, i -> false }                          || 0
        'agents'     | 'active=&model='                | { a, i -> true }                           || 25
        'executions' | 'agentId=AGENT0'                | { e, i -> e.agentId == i.AGENT0 }          || 20
        'executions' | 'agentId=AGENT1'                | { e, i -> e.agentId == i.AGENT1 }          || 10
        'executions' | 'chatId=CHAT'                   | { e, i -> e.chatId == i.CHAT }             || 10
        'executions' | 'agentId=AGENT1&chatId=CHAT'    | { e, i -> false }                          || 0
        'executions' | 'status=pending'                | { e, i -> true }                           || 30
        'executions' | 'status=running'                | { e, i -> false }                          || 0
        'executions' | 'agentId=AGENT0&status=pending' | { e, i -> e.agentId == i.AGENT0 }          || 20
        'executions' | "agentId=${UUID.randomUUID()}"  | { e, i -> false }                          || 0
        'executions' | 'agentId=&chatId=&status='      | { e, i -> true }                           || 30
    }

    def '#path?#query is a bad request #code whose answer does not repeat the value'() {
        when:
        def reply = get("$path?$query", token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == code
        String value = query.substring(query.indexOf('=') + 1)
        value.size() < 4 || !reply.json.detail.contains(value)

        where:
        path                 | query                     || code
        '/api/v1/agents'     | 'active=maybe'            || 'agent.invalid-filter'
        '/api/v1/agents'     | 'active=yes'              || 'agent.invalid-filter'
        '/api/v1/agents'     | 'active=TRUE'             || 'agent.invalid-filter'
        '/api/v1/agents'     | "model=${'m' * 201}"      || 'agent.invalid-filter'
        '/api/v1/agents'     | 'page=1&after=abc'        || 'page.page-with-cursor'
        '/api/v1/agents'     | 'after=not-a-cursor'      || 'page.invalid-cursor'
        '/api/v1/agents'     | 'size=0'                  || 'page.invalid-size'
        '/api/v1/agents'     | 'page=99999999999'        || 'request.invalid-parameter'
        '/api/v1/executions' | 'status=bogus'            || 'execution.invalid-status'
        '/api/v1/executions' | 'status=PENDING'          || 'execution.invalid-status'
        '/api/v1/executions' | 'agentId=not-a-uuid'      || 'request.invalid-parameter'
        '/api/v1/executions' | 'chatId=12345'            || 'request.invalid-parameter'
        '/api/v1/executions' | "agentId=%27%20OR%201=1"  || 'request.invalid-parameter'
        '/api/v1/executions' | 'page=-1'                 || 'page.invalid-page'
        '/api/v1/executions' | 'size=1e3'                || 'request.invalid-parameter'
    }

    def 'a cursor of one list is refused by the other'() {
        given:
        2.times { post('/api/v1/research', [query: 'q', mode: 'quick'], token) }
        String agentCursor = get('/api/v1/agents?size=1', token).json.next
        String executionCursor = get('/api/v1/executions?size=1', token).json.next
        String researchCursor = get('/api/v1/research?size=1', token).json.next

        expect:
        get("/api/v1/executions?after=$agentCursor", token).json.code == 'page.invalid-cursor'
        get("/api/v1/agents?after=$executionCursor", token).json.code == 'page.invalid-cursor'
        get("/api/v1/agents?after=$researchCursor", token).json.code == 'page.invalid-cursor'
        get("/api/v1/research?after=$agentCursor", token).json.code == 'page.invalid-cursor'
    }

    private Map<String, List<Map>> all() {
        [agents: agents, executions: executions]
    }
}
