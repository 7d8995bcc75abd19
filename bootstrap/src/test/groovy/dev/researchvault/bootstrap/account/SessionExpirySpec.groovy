package dev.researchvault.bootstrap.account

import dev.researchvault.bootstrap.support.VaultHttpSpec

/** Sessions end after idle and absolute timeouts (short ones here, configured as a deployment would). */
class SessionExpirySpec extends VaultHttpSpec {

    @Override
    Map<String, Object> extraProperties() {
        ['sessions.idle-timeout': '1500ms', 'sessions.absolute-timeout': '4s']
    }

    def "an idle session ends after the idle timeout"() {
        given:
        def token = newUser('idle')

        when:
        sleep(2500)

        then:
        post('/api/v1/auth/logout', null, token).status == 401
    }

    def "a busy session still ends at the absolute timeout"() {
        given:
        def name = uniqueName('busy')
        register(name)
        def token = login(name)
        def other = login(name)

        when: 'kept busy every half second, well within the idle timeout'
        def aliveUntil = System.currentTimeMillis()
        while (get('/api/v1/no-such-thing', token).status == 404) {
            aliveUntil = System.currentTimeMillis()
            sleep(500)
            assert System.currentTimeMillis() - aliveUntil < 10_000
        }

        then: 'it died, and no later than a little after the absolute timeout'
        get('/api/v1/no-such-thing', token).status == 401
        post('/api/v1/auth/logout', null, other).status == 401
    }
}
