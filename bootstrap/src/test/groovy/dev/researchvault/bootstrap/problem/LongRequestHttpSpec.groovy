package dev.researchvault.bootstrap.problem

import dev.researchvault.bootstrap.support.LogCapture
import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Shared

/**
 * Request lines and headers above the server's limits (micronaut.server.netty.max-initial-line-length,
 * max-header-size) are answered 414 and 431 problems that say what was too long; the body is not blamed.
 */
class LongRequestHttpSpec extends VaultHttpSpec {

    @Shared
    String token

    def setupSpec() {
        token = newUser()
    }

    def "a URL of #length characters (#what) is refused with 414 naming the URL, not the body"() {
        given:
        def log = new LogCapture()

        when:
        def reply = get(path.replace('LONG', 'x' * length), token)

        then:
        reply.status == 414
        reply.problem
        reply.json.code == 'request.uri-too-long'
        reply.json.detail.contains('URL')
        !reply.json.detail.contains('body')
        !reply.text.contains('xxxxxxxxxx')

        and:
        !log.text().contains('xxxxxxxxxx')
        !log.text().contains('event=request.failed')

        cleanup:
        log?.close()

        where:
        what               | path                        | length
        'a long query'     | '/api/v1/research?q=LONG'   | 20_000
        'a query over 4KB' | '/api/v1/research?q=LONG'   | 5_000
        'a long path'      | '/api/v1/research/LONG'     | 20_000
    }

    // Padded with w, not the y the header feature searches its log for: Micronaut publishes a request's terminated
    // event (with its URI, at DEBUG) after the answer has reached the client, so it can land in the next capture.
    def "a URL just under the limit is answered as usual"() {
        expect:
        get("/api/v1/research?q=x&padding=${'w' * 3_000}", token).status == 200
    }

    def "headers of #length characters are refused with 431 naming the headers"() {
        given:
        def log = new LogCapture()

        when:
        def reply = get('/api/v1/research', token, ['X-Padding': 'y' * length])

        then:
        reply.status == 431
        reply.problem
        reply.json.code == 'request.headers-too-large'
        reply.json.detail.contains('header')
        !reply.json.detail.contains('body')

        and:
        !log.text().contains('yyyyyyyyyy')
        !log.text().contains('event=request.failed')

        cleanup:
        log?.close()

        where:
        length << [9_000, 20_000]
    }

    def "a body above the request limit is still 413 request.too-large"() {
        expect:
        with(post('/api/v1/research', [query: 'x' * (41 * 1024 * 1024), mode: 'quick'], token)) {
            status == 413
            json.code == 'request.too-large'
        }
    }
}
