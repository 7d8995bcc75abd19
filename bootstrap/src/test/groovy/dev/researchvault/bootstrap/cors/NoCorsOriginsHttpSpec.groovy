package dev.researchvault.bootstrap.cors

import dev.researchvault.bootstrap.support.VaultHttpSpec

/** With no VAULT_CORS_ORIGINS (the default) no origin is allowed: nothing answers with an Access-Control header. */
class NoCorsOriginsHttpSpec extends VaultHttpSpec {

    def "no origin gets an Access-Control header, local or not, on a preflight or a request"() {
        given:
        String token = newUser('nocors')

        when:
        def replies = [
                send('OPTIONS', '/api/v1/research', null, null, [Origin: origin, 'Access-Control-Request-Method': 'GET']),
                get('/api/v1/research', token, [Origin: origin]),
                get('/health', null, [Origin: origin]),
        ]

        then:
        replies.every { CorsHttpSpec.noCorsHeaders(it) }

        where:
        origin << ['https://app.example', 'http://localhost:5173']
    }

    def "a request without Origin is served as always"() {
        expect:
        get('/api/v1/research', newUser('nocors')).status == 200
    }
}
