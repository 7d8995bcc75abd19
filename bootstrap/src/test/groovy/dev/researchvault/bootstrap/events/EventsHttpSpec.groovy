package dev.researchvault.bootstrap.events

import dev.researchvault.bootstrap.agent.AgentHttpSupport
import dev.researchvault.bootstrap.support.EventStreamClient

/**
 * {@code GET /api/v1/events} and {@code GET /api/v1/research/{id}/events} against a real server: what a UI sees of
 * its user's changes as they commit, resuming with {@code Last-Event-ID}, another user's events never, and the end
 * of a stream when its session ends.
 */
class EventsHttpSpec extends AgentHttpSupport {

    @Override
    Map<String, Object> extraProperties() {
        ['events.heartbeat': '200ms', 'events.window': 50]
    }

    List<EventStreamClient> opened = []

    EventStreamClient stream(String token, String path = '/api/v1/events', String lastEventId = null) {
        def client = EventStreamClient.open(http, "${server.URL}${path}", token, lastEventId)
        opened << client
        client
    }

    def cleanup() {
        opened*.close()
    }

    Map startResearch(String token, String query = 'photon entanglement') {
        def reply = post('/api/v1/research', [query: query, mode: 'quick'], token)
        assert reply.status == 201
        reply.json as Map
    }

    def 'a stream answers 200 text/event-stream with a heartbeat at once, and nothing else until something changes'() {
        given:
        String token = newUser('quiet')

        when:
        def events = stream(token)

        then:
        events.status == 200
        events.response.headers().firstValue('Content-Type').get().startsWith('text/event-stream')
        events.quietFor(500)
        events.heartbeats >= 2
    }

    def 'without a session a stream is 401 problem+json, like every session-bound route'() {
        when:
        def reply = get('/api/v1/events', 'not-a-token', [Accept: 'text/event-stream'])

        then:
        reply.status == 401
        reply.header('Content-Type').startsWith('application/problem+json')
    }

    def "research, execution and chat changes arrive as they commit, in order, with their ids"() {
        given:
        String token = newUser('watcher')
        def events = stream(token)
        events.quietFor(100)

        when:
        Map research = startResearch(token)
        patch("/api/v1/research/${research.id}", [status: 'in_progress', progress: 10], token)
        def logged = post("/api/v1/research/${research.id}/logs", [level: 'info', message: 'searching', progress: 20], token)
        Map agent = newAgent(token)
        Map execution = newExecution(token, agent.id)
        post("/api/v1/executions/${execution.id}/logs", [level: 'info', message: 'step 1'], token)
        Map chat = post('/api/v1/chats', [title: 'c'], token).json as Map
        Map message = post("/api/v1/chats/${chat.id}/messages", [role: 'user', content: 'hello'], token).json as Map

        then:
        def seen = (1..6).collect { events.next() }
        seen*.event == ['research.updated', 'research.updated', 'research.log', 'execution.updated', 'execution.log',
                        'message.created']
        seen[0].data == [id: research.id, status: 'pending', progress: 0, title: null]
        seen[1].data.status == 'in_progress' && seen[1].data.progress == 10
        seen[2].data == [researchId: research.id, sequence: logged.json.sequence, level: 'info', message: 'searching',
                         progress: 20, createdAt: logged.json.createdAt]
        seen[3].data.id == execution.id && seen[3].data.status == 'pending' && seen[3].data.agentId == agent.id
        seen[4].data.executionId == execution.id && seen[4].data.message == 'step 1'
        seen[5].data == [id: message.id, chatId: chat.id, role: 'user', createdAt: message.createdAt]
        seen*.id.every { it ==~ /[0-9a-f]{8}\.\d+/ }
        numbers(seen) == numbers(seen).toSorted()
        events.quietFor(300)
    }

    static List<Long> numbers(List<Map> events) {
        events*.id.collect { (it.split(/\./)[1]) as long }
    }

    def "another user's changes never appear, on either stream"() {
        given:
        String alice = newUser('alice')
        String bob = newUser('bob')
        def alices = stream(alice)
        def bobs = stream(bob)

        when:
        Map research = startResearch(alice, 'alice only')
        post("/api/v1/research/${research.id}/logs", [level: 'info', message: 'secret'], alice)
        Map bobsResearch = startResearch(bob, 'bob only')

        then:
        alices.next().data.id == research.id
        alices.next().event == 'research.log'
        bobs.next().data.id == bobsResearch.id
        alices.quietFor(300)
        bobs.quietFor(100)
    }

    def 'a client that reconnects with Last-Event-ID gets what it missed, in order, then what is new'() {
        given:
        String token = newUser('resumer')
        def first = stream(token)
        Map research = startResearch(token)
        String lastSeen = first.next().id
        first.close()

        when: 'three lines are logged while it is away'
        (1..3).each { post("/api/v1/research/${research.id}/logs", [level: 'info', message: "away $it"], token) }
        def resumed = stream(token, '/api/v1/events', lastSeen)
        post("/api/v1/research/${research.id}/logs", [level: 'info', message: 'back'], token)

        then:
        (1..4).collect { resumed.next().data.message } == ['away 1', 'away 2', 'away 3', 'back']
    }

    def 'a Last-Event-ID the server cannot resume from (#why) gets one reload event, then what is new'() {
        given:
        String token = newUser('reloader')
        String lastEventId = id
        if (why == 'more missed than the window holds') {
            def first = stream(token)
            Map research = startResearch(token)
            lastEventId = first.next().id
            first.close()
            51.times { post("/api/v1/research/${research.id}/logs", [level: 'debug', message: "l$it"], token) }
        }

        when:
        def resumed = stream(token, '/api/v1/events', lastEventId)
        Map research = startResearch(token, 'after')

        then:
        resumed.next().event == 'reload'
        resumed.next().data.id == research.id

        where:
        why                                 | id
        'an id of before a restart'         | '0badbeef.12'
        'an id this server never issued'    | 'x'
        'more missed than the window holds' | null
    }

    def "a research's own stream has its events only; another user's research or a random id is the same 404"() {
        given:
        String alice = newUser('focus')
        String bob = newUser('other')
        Map watched = startResearch(alice, 'watched')
        Map ignored = startResearch(alice, 'ignored')
        Map bobs = startResearch(bob, 'bob')
        def events = stream(alice, "/api/v1/research/${watched.id}/events")

        when:
        post("/api/v1/research/${ignored.id}/logs", [level: 'info', message: 'not this one'], alice)
        post("/api/v1/research/${watched.id}/logs", [level: 'info', message: 'this one'], alice)
        post("/api/v1/chats", [title: 'unrelated'], alice)

        then:
        events.next().data.message == 'this one'
        events.quietFor(300)

        when:
        def foreign = get("/api/v1/research/${bobs.id}/events", alice, [Accept: 'text/event-stream'])
        def random = get("/api/v1/research/${UUID.randomUUID()}/events", alice, [Accept: 'text/event-stream'])
        def malformed = get('/api/v1/research/nope/events', alice, [Accept: 'text/event-stream'])

        then:
        [foreign, random, malformed]*.status == [404, 404, 404]
        foreign.text == random.text
        foreign.json.code == 'research.not-found'
    }

    def 'a stream ends when its session does: #how'() {
        given:
        String token = newUser('ender')
        def events = stream(token)
        events.quietFor(100)

        when:
        end(this, token)

        then: 'within a few heartbeats'
        events.next(5) == EventStreamClient.END

        where:
        how                   | end
        'logout'              | { spec, String t -> assert spec.post('/api/v1/auth/logout', null, t).status == 204 }
        'password change'     | { spec, String t -> assert spec.post('/api/v1/auth/password', [currentPassword: 'correct horse battery', newPassword: 'another horse battery'], t).status == 204 }
        'account deletion'    | { spec, String t -> assert spec.delete('/api/v1/account', t, [password: 'correct horse battery']).status == 204 }
    }

    def 'an event published after logout is not delivered, even before the next heartbeat'() {
        given:
        String name = uniqueName('late')
        assert register(name).status == 201
        String token = login(name)
        String other = login(name)
        def events = stream(token)
        events.quietFor(100)

        when: 'the stream session logs out and another session of the same user changes something at once'
        post('/api/v1/auth/logout', null, token)
        startResearch(other)

        then:
        events.next(5) == EventStreamClient.END
    }
}
