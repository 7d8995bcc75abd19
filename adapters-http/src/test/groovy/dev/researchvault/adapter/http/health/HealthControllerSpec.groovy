package dev.researchvault.adapter.http.health

import dev.researchvault.application.health.CheckReadinessUseCase
import dev.researchvault.application.health.StorageHealth.Report
import dev.researchvault.application.health.StorageHealth.Storage
import spock.lang.Specification

class HealthControllerSpec extends Specification {

    def "health names the storage's state; only a writable one with working encryption is 200"() {
        given:
        def controller = new HealthController({ new Report(storage, encryption) } as CheckReadinessUseCase)

        when:
        def response = controller.health()

        then:
        response.status.code == code
        with(response.body()) {
            it.status() == status
            it.storage() == field
            it.dataDirectoryWritable() == (storage == Storage.WRITABLE)
            it.encryptionWorks() == encryption
        }

        where:
        storage           | encryption || code | status     | field
        Storage.WRITABLE  | true       || 200  | 'UP'       | 'writable'
        Storage.WRITABLE  | false      || 503  | 'DOWN'     | 'writable'
        Storage.FULL      | false      || 503  | 'DEGRADED' | 'full'
        Storage.READ_ONLY | false      || 503  | 'DEGRADED' | 'read-only'
        Storage.MISSING   | false      || 503  | 'DOWN'     | 'missing'
    }

    def "liveness answers UP without running the storage check"() {
        given:
        def controller = new HealthController({ throw new AssertionError('liveness must not check the storage') } as CheckReadinessUseCase)

        expect:
        controller.live().status() == 'UP'
    }
}
