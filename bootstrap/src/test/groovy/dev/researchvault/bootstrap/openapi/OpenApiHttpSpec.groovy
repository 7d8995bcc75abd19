package dev.researchvault.bootstrap.openapi

import dev.researchvault.bootstrap.support.VaultHttpSpec

import java.nio.file.Files
import java.nio.file.Path

/** {@code GET /openapi.yml}: the description generated from the controllers, and its copy in docs/. */
class OpenApiHttpSpec extends VaultHttpSpec {

    def 'the OpenAPI description is served without a session and names the endpoints'() {
        when:
        Reply reply = get('/openapi.yml')

        then:
        reply.status == 200
        reply.contentType.startsWith('application/yaml')
        reply.text.startsWith('openapi: 3')
        ['/api/v1/research/{id}/report:', '/api/v1/chats/{id}/messages:', '/api/v1/auth/login:'].every { reply.text.contains(it) }
    }

    def 'docs/openapi.yml is the current description (copy it from /openapi.yml after changing a controller)'() {
        given:
        Path copy = Path.of('..', 'docs', 'openapi.yml')

        expect:
        Files.exists(copy)
        Files.readString(copy) == get('/openapi.yml').text
    }
}
