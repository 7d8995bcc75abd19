package dev.researchvault.bootstrap.health

import dev.researchvault.bootstrap.support.VaultHttpSpec

import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** {@code GET /health} (readiness, shared by its callers) and {@code GET /health/live} (liveness), both anonymous. */
class HealthHttpSpec extends VaultHttpSpec {

    @Override
    Map<String, Object> extraProperties() {
        ['health.reuse-for': '1h']
    }

    def "liveness answers UP without a session"() {
        expect:
        with(get('/health/live')) {
            status == 200
            contentType.startsWith('application/json')
            json == [status: 'UP']
        }
    }

    def "readiness keeps its documented answer"() {
        when:
        Reply reply = get('/health')

        then:
        reply.status == 200
        reply.json == [status: 'UP', dataDirectoryWritable: true, encryptionWorks: true, storage: 'writable']
    }

    def "concurrent callers share one run of the check: it answers from memory, even once the directory is gone"() {
        given: 'a check has run'
        assert get('/health').status == 200
        def pool = Executors.newFixedThreadPool(16)

        when: 'the data directory stops taking files, within health.reuse-for'
        dataDir.toFile().setWritable(false)
        def replies = (1..64).collect { pool.submit({ get('/health') } as Callable) }*.get()

        then: 'every caller got the answer of the run before: none ran the check again'
        replies*.status.every { it == 200 }

        cleanup:
        dataDir.toFile().setWritable(true)
        pool.shutdownNow()
    }
}
