package dev.researchvault.bootstrap.account

import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.support.LogCapture
import dev.researchvault.bootstrap.support.VaultHttpSpec

/** A DEBUG-level log of every account flow contains no password, token or key (docs/traps.md S11). */
class SecretsInLogsSpec extends VaultHttpSpec {

    LogCapture captured = new LogCapture()

    def cleanup() {
        captured.close()
    }

    def "register, login, failures, password change, logout and delete log no secret"() {
        given:
        def name = uniqueName('secret')
        def password = 'first-Secret-PW-4711'
        def newPassword = 'second-Secret-PW-0815'

        when:
        register(name, password)
        def token = login(name, password)
        def vaultKey = files.fileKey(name, password, VaultFile.VAULT).encodeHex().toString()
        def blobsKey = files.fileKey(name, password, VaultFile.BLOBS).encodeHex().toString()
        def masterKey = files.masterKey(name, password).copyBytes().encodeHex().toString()
        post('/api/v1/auth/login', [username: name, password: 'wrong-Guess-PW-9999'])
        post('/api/v1/auth/password', [currentPassword: password, newPassword: newPassword], token)
        def secondToken = login(name, newPassword)
        def newVaultKey = files.fileKey(name, newPassword, VaultFile.VAULT).encodeHex().toString()
        post('/api/v1/auth/logout', null, secondToken)
        def thirdToken = login(name, newPassword)
        delete('/api/v1/account', thirdToken, [password: newPassword])
        def log = captured.text()

        then: 'the log is not empty: DEBUG really was on'
        captured.events().size() > 10

        and:
        [password, newPassword, 'wrong-Guess-PW-9999', token, secondToken, thirdToken, vaultKey, blobsKey,
         masterKey, newVaultKey].every { secret -> !log.toLowerCase().contains(secret.toLowerCase()) }
    }
}
