package dev.researchvault.bootstrap.frontend

import dev.researchvault.bootstrap.support.VaultHttpSpec

import java.nio.file.Files

/** {@code VAULT_REGISTRATION=closed}: nobody registers, and nothing is created for the attempt. */
class ClosedRegistrationHttpSpec extends VaultHttpSpec {

    @Override
    Map<String, Object> extraProperties() {
        ['vault.registration': 'closed']
    }

    def "a registration is 403 account.registration-closed, without a Bearer challenge, and creates nothing"() {
        when:
        def reply = register(uniqueName('closed'))

        then:
        reply.status == 403
        reply.problem
        reply.json.code == 'account.registration-closed'
        reply.header('WWW-Authenticate') == null
        !Files.exists(dataDir.resolve('users')) || Files.list(dataDir.resolve('users')).withCloseable { it.count() } == 0
    }
}
