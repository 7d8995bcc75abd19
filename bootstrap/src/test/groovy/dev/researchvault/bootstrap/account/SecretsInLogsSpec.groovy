package dev.researchvault.bootstrap.account

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.bootstrap.support.VaultHttpSpec
import org.slf4j.LoggerFactory

/** A DEBUG-level log of every account flow contains no password, token or key (STACK.md trap 11). */
class SecretsInLogsSpec extends VaultHttpSpec {

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
    ListAppender<ILoggingEvent> captured = new ListAppender<>()
    Level previousLevel

    def setup() {
        previousLevel = root.level
        root.level = Level.DEBUG
        captured.start()
        root.addAppender(captured)
    }

    def cleanup() {
        root.detachAppender(captured)
        root.level = previousLevel
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
        def log = captured.list.collect { it.formattedMessage + ' ' + (it.throwableProxy?.message ?: '') }.join('\n')

        then: 'the log is not empty: DEBUG really was on'
        captured.list.size() > 10

        and:
        [password, newPassword, 'wrong-Guess-PW-9999', token, secondToken, thirdToken, vaultKey, blobsKey,
         masterKey, newVaultKey].every { secret -> !log.toLowerCase().contains(secret.toLowerCase()) }
    }
}
