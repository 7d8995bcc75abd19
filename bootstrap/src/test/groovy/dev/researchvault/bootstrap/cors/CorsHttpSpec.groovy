package dev.researchvault.bootstrap.cors

import dev.researchvault.bootstrap.support.VaultHttpSpec

import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * A browser app on an allowed origin (VAULT_CORS_ORIGINS) can call the API: preflights answer without a token,
 * answers carry Access-Control-Allow-Origin and expose the headers a client reads. Other origins get nothing.
 */
class CorsHttpSpec extends VaultHttpSpec {

    static final String APP = 'https://app.example'
    static final String OTHER_APP = 'http://localhost:5173'
    static final String STRANGER = 'https://evil.example'
    static final String EVERY_REQUEST_HEADER = 'authorization,content-type,last-event-id,if-none-match,if-range,range'

    @Override
    Map<String, Object> extraProperties() {
        // The value VAULT_CORS_ORIGINS=https://app.example,http://localhost:5173 puts there (ConfigurationSpec).
        ['micronaut.server.cors.configurations.vault.allowed-origins': "${APP},${OTHER_APP}".toString()]
    }

    def "a preflight from #origin for #method with #headers answers #status without a token"() {
        when:
        Reply reply = preflight(path, origin, method, headers)

        then:
        reply.status == status
        reply.header('Access-Control-Allow-Origin') == (status == 200 ? origin : null)
        reply.header('Access-Control-Allow-Methods') == (status == 200 ? method : null)
        reply.response.headers().allValues('Access-Control-Allow-Headers').join(',').toLowerCase() == (status == 200 ? headers : '')
        reply.header('Access-Control-Allow-Credentials') == null
        reply.header('WWW-Authenticate') == null

        where:
        path                                      | origin    | method   | headers                || status
        "/api/v1/research/${UUID.randomUUID()}"   | APP       | 'DELETE' | 'authorization'        || 200
        "/api/v1/research/${UUID.randomUUID()}"   | OTHER_APP | 'DELETE' | 'authorization'        || 200
        '/api/v1/documents'                       | APP       | 'POST'   | EVERY_REQUEST_HEADER   || 200
        '/api/v1/documents'                       | APP       | 'POST'   | 'x-made-up'            || 403
    }

    def "a preflight's allowance is cached by the browser for a while"() {
        expect:
        preflight('/api/v1/research', APP, 'GET', 'authorization').header('Access-Control-Max-Age') == '1800'
    }

    def "an answer to an allowed origin names it and exposes the headers a client reads"() {
        given:
        String token = newUser('cors')

        when:
        Reply reply = get('/api/v1/research', token, [Origin: APP])

        then:
        reply.status == 200
        reply.header('Access-Control-Allow-Origin') == APP
        reply.response.headers().allValues('Vary').any { it.contains('Origin') }
        exposed(reply) == ['ETag', 'Content-Disposition', 'Content-Length', 'Content-Range', 'Location', 'Retry-After',
                           'Accept-Ranges'] as Set
    }

    def "a 401 to an allowed origin carries the CORS headers too, so the app can read it"() {
        when:
        Reply reply = get('/api/v1/research', null, [Origin: APP])

        then:
        reply.status == 401
        reply.problem
        reply.header('Access-Control-Allow-Origin') == APP
    }

    def "another origin gets no Access-Control header, on a preflight or a request"() {
        given:
        String token = newUser('cors')

        when:
        Reply preflight = preflight('/api/v1/research', STRANGER, 'GET', 'authorization')
        Reply request = get('/api/v1/research', token, [Origin: STRANGER])

        then:
        preflight.status >= 400
        request.status >= 400
        [preflight, request].every { noCorsHeaders(it) }
    }

    def "a request without Origin (not a browser) is served as before, with no CORS header"() {
        given:
        String token = newUser('cors')

        when:
        Reply reply = get('/api/v1/research', token)

        then:
        reply.status == 200
        noCorsHeaders(reply)
    }

    def "the event stream answers an allowed origin with the CORS headers"() {
        given:
        String token = newUser('cors')
        def request = HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/events"))
                .header('Accept', 'text/event-stream').header('Authorization', "Bearer ${token}").header('Origin', APP)
                .GET().build()

        when:
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream())

        then:
        response.statusCode() == 200
        response.headers().firstValue('Content-Type').get().startsWith('text/event-stream')
        response.headers().firstValue('Access-Control-Allow-Origin').orElse(null) == APP

        cleanup:
        response?.body()?.close()
    }

    Reply preflight(String path, String origin, String method, String headers) {
        send('OPTIONS', path, null, null, [Origin: origin, 'Access-Control-Request-Method': method,
                                           'Access-Control-Request-Headers': headers])
    }

    static Set<String> exposed(Reply reply) {
        reply.response.headers().allValues('Access-Control-Expose-Headers')
                .collectMany { it.split(',').collect { it.trim() } } as Set
    }

    static boolean noCorsHeaders(Reply reply) {
        reply.response.headers().map().keySet().every { !it.toLowerCase().startsWith('access-control-') }
    }
}
