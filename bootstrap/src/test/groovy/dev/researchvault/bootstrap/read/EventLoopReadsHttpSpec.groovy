package dev.researchvault.bootstrap.read

import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.bootstrap.support.VaultHttpSpec
import dev.researchvault.domain.account.UserId
import java.time.Duration
import spock.lang.Shared

/**
 * The point reads offered the event loop (settings by key, research by id) answer byte for byte the same whichever
 * path they took: the blocking executor (forced here by closing the user's vault, which only the blocking path
 * opens again) or the event loop (the next read, on the vault that one left open and its idle connection).
 */
class EventLoopReadsHttpSpec extends VaultHttpSpec {

    @Shared
    String name = uniqueName('reads')
    @Shared
    String token
    @Shared
    String researchId

    def setupSpec() {
        assert register(name).status == 201
        token = login(name)
        researchId = post('/api/v1/research', [query: 'what the event loop reads', mode: 'quick'], token).json.id
        assert put('/api/v1/settings/llm.temperature', [value: 0.25], token).status == 200
    }

    OpenVaults getVaults() {
        server.applicationContext.getBean(OpenVaults)
    }

    UserId getUserId() {
        new UserId(UUID.fromString(files.registryRow(name).id as String))
    }

    /** What a client sees of an answer: status, headers but the date, body. */
    static Map answerOf(Reply reply) {
        [status : reply.status,
         headers: reply.response.headers().map().findAll { key, value -> key.toLowerCase() != 'date' },
         body   : reply.text]
    }

    def "#path answers the same on the blocking path and on the event loop"() {
        given:
        String target = path.replace('{research}', researchId).replace('{unknown}', UUID.randomUUID().toString())

        when: 'the vault is closed, so the read goes to the blocking executor, which opens it'
        vaults.retire(userId)
        long answered = vaults.attemptsAnswered()
        long abandoned = vaults.attemptsAbandoned()
        Reply blocking = get(target, token)

        then:
        vaults.attemptsAbandoned() == abandoned + (readsTheVault ? 1 : 0)

        when: 'the next read finds the vault open and a connection idle'
        Reply eventLoop = get(target, token)

        then:
        vaults.attemptsAnswered() == answered + (readsTheVault ? 1 : 2)
        blocking.status == status
        answerOf(eventLoop) == answerOf(blocking)
        status == 200 || blocking.problem

        where:
        path                                 | status | readsTheVault
        '/api/v1/settings/llm.temperature'   | 200    | true
        '/api/v1/settings/llm.provider'      | 200    | true
        '/api/v1/settings/no.such.key'       | 404    | false
        '/api/v1/research/{research}'        | 200    | true
        '/api/v1/research/{unknown}'         | 404    | true
    }

    def "a read that finds no idle connection goes to the blocking path, which opens one, through the repository's wrapping"() {
        given: 'the vault stays open but its connections were closed as idle'
        get("/api/v1/research/${researchId}", token)
        vaults.closeIdleConnections(Duration.ZERO)
        long abandoned = vaults.attemptsAbandoned()

        when:
        Reply reply = get("/api/v1/research/${researchId}", token)

        then:
        reply.status == 200
        reply.json.id == researchId
        vaults.attemptsAbandoned() == abandoned + 1
    }

    def "a research id that is no id is the same 404 problem as before, answered before any vault is touched"() {
        expect:
        isProblem(get('/api/v1/research/not-a-uuid', token), 404, 'research.not-found')
    }

    def "a session that ended is refused on the event loop as on the blocking path"() {
        given:
        String other = login(name)
        assert post('/api/v1/auth/logout', null, other).status in [200, 204]

        expect:
        isProblem(get('/api/v1/settings/llm.temperature', other), 401, 'session.required')
    }

    static boolean isProblem(Reply reply, int status, String code) {
        reply.status == status && reply.problem && reply.json.code == code
    }
}
