package dev.researchvault.bootstrap.account

import dev.researchvault.bootstrap.support.VaultHttpSpec

/** Register, log in and change a password with the shipped KDF parameters, not the cheap test ones. */
class ProductionKdfSpec extends VaultHttpSpec {

    @Override
    Map<String, Object> serverProperties() {
        ['micronaut.server.port': -1, 'vault.data-dir': dataDir.toString()]
    }

    def "an account made with the production parameters stores them and works end to end"() {
        given:
        def name = uniqueName('prod')

        when:
        register(name)
        def token = login(name)

        then:
        with(files.registryRow(name)) {
            kdf_algorithm == 'ARGON2ID'
            kdf_memory_kib == 19456
            kdf_iterations == 2
            kdf_parallelism == 1
            (kdf_salt as byte[]).length == 32
        }

        when:
        def changed = post('/api/v1/auth/password', [currentPassword: 'correct horse battery', newPassword: 'production grade secret'], token)

        then:
        changed.status == 204
        login(name, 'production grade secret')
    }
}
