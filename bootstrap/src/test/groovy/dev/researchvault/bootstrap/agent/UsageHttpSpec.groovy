package dev.researchvault.bootstrap.agent

import spock.lang.Shared

import java.time.Instant
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/**
 * {@code GET /api/v1/usage}: usage recorded by executions, summed by model and by day to the micro-dollar, and
 * a 400 problem for every range or grouping the report cannot answer.
 */
class UsageHttpSpec extends AgentHttpSupport {

    static final String FROM = Instant.now().minus(1, ChronoUnit.DAYS).toString()
    static final String TO = Instant.now().plus(1, ChronoUnit.DAYS).toString()

    @Shared
    String token

    def setupSpec() {
        token = newUser('spender')
        Map cheap = newAgent(token, [model: 'cheap-model'])
        Map dear = newAgent(token, [model: 'dear-model'])
        Map local = newAgent(token, [model: 'local-model'])
        // Read here, not in the calls: JsonSlurper's maps build themselves on first access, and four threads reading
        // `cheap.id` at once once got a broken id (a 404 for a malformed path id in CI).
        String cheapId = cheap.id
        // 1,000 calls of one micro-dollar each: a sum of binary floats would not come to 0.001 exactly
        inParallel((1..1000).collect { { -> finished(cheapId, [promptTokens: 3, completionTokens: 2, costUsd: 0.000001]) } })
        3.times { finished(dear.id, [promptTokens: 1000, completionTokens: 500, costUsd: 0.1]) }
        finished(local.id, [promptTokens: 7, completionTokens: 11])   // a call without a known cost
        newExecution(token, local.id)                                   // no usage: no call
    }

    void finished(String agentId, Map usage) {
        String id = newExecution(token, agentId).id
        report(token, id, [status: 'running'])
        report(token, id, [status: 'completed', usage: usage])
    }

    /** Runs the requests on four threads: a thousand round trips one after another take too long here. */
    private static void inParallel(List<Closure> calls) {
        def pool = Executors.newFixedThreadPool(4)
        try {
            pool.invokeAll(calls.collect { call -> { -> call() } as Callable }).each { it.get() }
        } finally {
            pool.shutdown()
        }
    }

    def 'grouped by model: exact sums per model, null cost counted as nothing, and the total'() {
        when:
        def reply = get("/api/v1/usage?from=$FROM&to=$TO&groupBy=model", token)

        then:
        reply.status == 200
        reply.json == [
                groups: [[key: 'cheap-model', promptTokens: 3000, completionTokens: 2000, costUsd: 0.001, calls: 1000],
                         [key: 'dear-model', promptTokens: 3000, completionTokens: 1500, costUsd: 0.3, calls: 3],
                         [key: 'local-model', promptTokens: 7, completionTokens: 11, costUsd: 0, calls: 1]],
                total : [key: null, promptTokens: 6007, completionTokens: 3511, costUsd: 0.301, calls: 1004]]
        reply.text.contains('"costUsd":0.001,') && reply.text.contains('"costUsd":0.301,')
    }

    def 'grouped by day: one group for today (UTC), with the same total; model is the default grouping'() {
        given:
        String today = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString()

        when:
        def byDay = get("/api/v1/usage?from=$FROM&to=$TO&groupBy=day", token).json

        then:
        byDay.groups*.key == [today] || byDay.groups*.key.size() == 2   // unless the spec runs across midnight UTC
        byDay.total == get("/api/v1/usage?from=$FROM&to=$TO", token).json.total
        byDay.total.calls == 1004
        byDay.total.costUsd == 0.301
    }

    def 'messages, executions and research are summed together; research has no model'() {
        given:
        String user = newUser('mixed')
        String chat = post('/api/v1/chats', [title: 't'], user).json.id
        assert post("/api/v1/chats/$chat/messages", [role: 'assistant', content: 'hi', model: 'gpt-4o',
                usage: [promptTokens: 10, completionTokens: 20, costUsd: 0.000003]], user).status == 201
        assert post("/api/v1/chats/$chat/messages", [role: 'user', content: 'no usage'], user).status == 201
        String research = post('/api/v1/research', [query: 'q', mode: 'quick'], user).json.id
        assert patch("/api/v1/research/$research", [usage: [promptTokens: 100, completionTokens: 1, costUsd: 0.25]], user).status == 200
        String execution = newExecution(user, newAgent(user, [model: 'gpt-4o']).id).id
        report(user, execution, [usage: [promptTokens: 1, completionTokens: 2, costUsd: 0.000004]])

        when:
        def byModel = get("/api/v1/usage?from=$FROM&to=$TO", user).json

        then:
        byModel.groups == [[key: null, promptTokens: 100, completionTokens: 1, costUsd: 0.25, calls: 1],
                           [key: 'gpt-4o', promptTokens: 11, completionTokens: 22, costUsd: 0.000007, calls: 2]]
        byModel.total == [key: null, promptTokens: 111, completionTokens: 23, costUsd: 0.250007, calls: 3]
    }

    def 'a range that holds no call answers empty groups and a zero total'() {
        when:
        def reply = get("/api/v1/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z&groupBy=day", token)

        then:
        reply.status == 200
        reply.json == [groups: [], total: [key: null, promptTokens: 0, completionTokens: 0, costUsd: 0, calls: 0]]
    }

    def 'to is exclusive and from inclusive'() {
        given:
        String now = Instant.now().toString()

        expect:
        get("/api/v1/usage?from=$FROM&to=$FROM", token).json.code == 'usage.invalid-range'
        get("/api/v1/usage?from=$now&to=$TO", token).json.total.calls == 0
        get("/api/v1/usage?from=$FROM&to=$now", token).json.total.calls == 1004
    }

    def 'another user sees none of it'() {
        expect:
        get("/api/v1/usage?from=$FROM&to=$TO", newUser('frugal')).json.total.calls == 0
    }

    def '?#query is a bad request #code whose answer does not repeat the value'() {
        when:
        def reply = get("/api/v1/usage?$query", token)

        then:
        reply.status == 400
        reply.problem
        reply.json.code == code
        !reply.text.contains('yesterday') && !reply.text.contains('week')

        where:
        query                                                             || code
        "from=yesterday&to=$TO"                                           || 'usage.invalid-range'
        "from=$FROM&to=2026-13-01T00:00:00Z"                              || 'usage.invalid-range'
        "from=2026-11-01&to=$TO"                                          || 'usage.invalid-range'
        "to=$TO"                                                          || 'usage.invalid-range'
        "from=$FROM"                                                      || 'usage.invalid-range'
        ''                                                                || 'usage.invalid-range'
        "from=$TO&to=$FROM"                                               || 'usage.invalid-range'
        'from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'               || 'usage.invalid-range'
        'from=-999999999-01-01T00:00:00Z&to=+999999999-12-31T23:59:59Z'   || 'usage.invalid-range'
        "from=$FROM&to=$TO&groupBy=week"                                  || 'usage.invalid-group'
        "from=$FROM&to=$TO&groupBy=MODEL"                                 || 'usage.invalid-group'
        "from=$FROM&to=$TO&groupBy="                                      || 'usage.invalid-group'
    }

    def 'the longest range, 3660 days, is answered; also far from today'() {
        expect:
        get('/api/v1/usage?from=2000-01-01T00:00:00Z&to=2010-01-08T00:00:00Z', token).status == 200
        get('/api/v1/usage?from=%2B999999999-01-01T00:00:00Z&to=%2B999999999-12-31T00:00:00Z&groupBy=day', token).json.total.calls == 0
        get('/api/v1/usage?from=0000-01-01T00:00:00Z&to=0001-01-01T00:00:00Z', token).json.total.calls == 0
    }
}
