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

    def "the interactive reference at /docs comes from the server itself, without a session, and reads /openapi.yml"() {
        when:
        Reply page = get('/docs')
        List<String> assets = (page.text =~ /"(\/swagger-ui\/res\/[^"]+)"/).collect { it[1] }

        then:
        page.status == 200
        page.contentType.startsWith('text/html')
        page.text.contains("'/openapi.yml'")
        !page.text.contains('//cdn') && !page.text.contains('https://')
        assets.containsAll(['/swagger-ui/res/swagger-ui.css', '/swagger-ui/res/swagger-ui-bundle.js',
                            '/swagger-ui/res/swagger-ui-standalone-preset.js'])
        assets.every { String asset ->
            Reply reply = get(asset)
            reply.status == 200 && reply.bytes.length > 1000 || reply.status == 200 && asset.endsWith('.png')
        }
    }

    def "the description declares no global security and one shared Problem schema"() {
        when:
        Map description = new org.yaml.snakeyaml.Yaml().load(get('/openapi.yml').text) as Map

        then:
        description.security == null
        description.components.securitySchemes.bearer == [type: 'http', scheme: 'bearer']
        description.components.schemas.Problem.properties.keySet() == ['type', 'title', 'status', 'detail', 'code', 'errors'] as Set
    }
}
