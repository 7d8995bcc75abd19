package dev.researchvault.bootstrap.account

import dev.researchvault.bootstrap.support.VaultHttpSpec

/**
 * Every route that acts for a user answers a request without a live session with the same 401 problem, before
 * anything else about the request is looked at: the session is bound to controllers as an argument, and the
 * bearer-token filter in front of them is what refuses.
 */
class SessionBoundRoutesHttpSpec extends VaultHttpSpec {

    static final String ID = '00000000-0000-4000-8000-000000000000'

    static final List<List<String>> ROUTES = [
            ['POST', '/api/v1/auth/logout'],
            ['POST', '/api/v1/agents'],
            ['GET', '/api/v1/agents'],
            ['GET', "/api/v1/agents/${ID}"],
            ['PATCH', "/api/v1/agents/${ID}"],
            ['DELETE', "/api/v1/agents/${ID}"],
            ['POST', "/api/v1/agents/${ID}/executions"],
            ['GET', '/api/v1/executions'],
            ['GET', "/api/v1/executions/${ID}"],
            ['PATCH', "/api/v1/executions/${ID}"],
            ['POST', "/api/v1/executions/${ID}/logs"],
            ['GET', "/api/v1/executions/${ID}/logs"],
            ['GET', '/api/v1/usage'],
            ['POST', '/api/v1/auth/password'],
            ['DELETE', '/api/v1/account'],
            ['POST', '/api/v1/backups'],
            ['GET', '/api/v1/backups'],
            ['DELETE', '/api/v1/backups/some-backup'],
            ['POST', '/api/v1/backups/some-backup/restore'],
            ['POST', '/api/v1/chats'],
            ['GET', '/api/v1/chats'],
            ['GET', "/api/v1/chats/${ID}"],
            ['DELETE', "/api/v1/chats/${ID}"],
            ['POST', "/api/v1/chats/${ID}/messages"],
            ['GET', "/api/v1/chats/${ID}/messages"],
            ['GET', "/api/v1/messages/${ID}/files/0"],
            ['GET', "/api/v1/messages/${ID}/files/0/thumbnail"],
            ['GET', '/api/v1/events'],
            ['GET', '/api/v1/search?q=x'],
            ['GET', "/api/v1/research/${ID}/events"],
            ['POST', '/api/v1/research'],
            ['GET', '/api/v1/research'],
            ['GET', "/api/v1/research/${ID}"],
            ['PATCH', "/api/v1/research/${ID}"],
            ['DELETE', "/api/v1/research/${ID}"],
            ['POST', "/api/v1/research/${ID}/queries"],
            ['GET', "/api/v1/research/${ID}/queries"],
            ['POST', "/api/v1/research/${ID}/resources"],
            ['GET', "/api/v1/research/${ID}/resources"],
            ['PUT', "/api/v1/research/${ID}/report"],
            ['GET', "/api/v1/research/${ID}/report"],
            ['POST', "/api/v1/research/${ID}/logs"],
            ['GET', "/api/v1/research/${ID}/logs"],
            ['GET', '/api/v1/settings'],
            ['GET', '/api/v1/settings/theme'],
            ['PUT', '/api/v1/settings/theme'],
            ['DELETE', '/api/v1/settings/theme'],
            ['GET', '/api/v1/api-keys'],
            ['PUT', '/api/v1/api-keys/openai'],
            ['DELETE', '/api/v1/api-keys/openai'],
            ['GET', '/api/v1/vault/integrity'],
            ['GET', '/api/v1/vault/stats'],
            ['POST', '/api/v1/vault/vacuum'],
    ]*.collect { it.toString() }

    def "#method #path with #what answers 401 session.required, the same problem on every route"() {
        when:
        def reply = send(method, path, body(method), null, headers)

        then:
        reply.status == 401
        reply.problem
        reply.header('WWW-Authenticate') == 'Bearer'
        reply.json == [type  : 'https://researchvault.dev/problems/session.required', title: 'Unauthorized', status: 401,
                       detail: 'a valid session token is required (Authorization: Bearer <token>)', code: 'session.required']

        where:
        [method, path, what, headers] << ROUTES.collectMany { route ->
            [[route[0], route[1], 'no token', [:]],
             [route[0], route[1], 'a forged token', [Authorization: 'Bearer ' + 'A' * 43]]]
        }
    }

    def "a multipart message post without a session is refused as a 401 before its body is looked at"() {
        when:
        def reply = send('POST', "/api/v1/chats/${ID}/messages", null, null,
                ['Content-Type': 'multipart/form-data; boundary=x'])

        then:
        reply.status == 401
        reply.json.code == 'session.required'
    }

    def "a session bound as an argument is the caller's own: a logged-in user is served on a session-bound route"() {
        given:
        def token = newUser('bound')

        expect:
        get('/api/v1/vault/stats', token).status == 200
        get('/api/v1/research', token).status == 200
    }

    /** A well-formed JSON body for the methods that carry one, so nothing but the session is missing. */
    private static Object body(String method) {
        method in ['POST', 'PUT', 'PATCH', 'DELETE'] ? [:] : null
    }
}
