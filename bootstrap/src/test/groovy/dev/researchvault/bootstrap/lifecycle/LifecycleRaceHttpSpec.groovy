package dev.researchvault.bootstrap.lifecycle

import dev.researchvault.bootstrap.support.Gates
import dev.researchvault.bootstrap.support.VaultHttpSpec

import java.util.concurrent.CompletableFuture

/**
 * The races of the vault lifecycle issue, each forced into its losing order with a gate on the server: a
 * login held after proving its key, or a KDF held for one password. Every one of them lost or locked a vault
 * before the account's lifecycle had one owner (AccountLifecycle).
 */
class LifecycleRaceHttpSpec extends VaultHttpSpec {

    static final String OLD = 'old password 111'
    static final String NEW = 'new password 222'

    @Override
    Map<String, Object> extraProperties() {
        ['test.gates': 'true', 'login.max-failures': 1000, 'login.max-failures-per-account': 1000]
    }

    def "a login with the old password that proved its key before a password change cannot lock the owner out"() {
        given:
        def name = uniqueName('race4')
        register(name, OLD)
        def token = login(name, OLD)
        def researchId = post('/api/v1/research', [query: 'kept through the race', mode: 'quick'], token).json.id

        when: 'the old-password login is held after unlocking, and the owner changes the password meanwhile'
        def held = Gates.arm(Gates.LOGIN_UNLOCKED)
        def oldLogin = async { post('/api/v1/auth/login', [username: name, password: OLD]) }
        assert held.awaitReached()
        def change = async { post('/api/v1/auth/password', [currentPassword: OLD, newPassword: NEW], token) }
        Thread.sleep(300)
        held.open()

        then: 'the change succeeds; whatever the old login answered, its token is dead'
        change.get().status == 204
        def oldAnswer = oldLogin.get()
        oldAnswer.status != 200 || get('/api/v1/research', oldAnswer.json.token as String).status == 401

        and: 'the new password logs in, and its token works: no stale key was reused'
        def fresh = login(name, NEW)
        get("/api/v1/research/${researchId}", fresh).status == 200
        post('/api/v1/auth/login', [username: name, password: OLD]).status == 401
    }

    def "a login racing the account's deletion never hands out a token that outlives the account"() {
        given:
        def name = uniqueName('race6')
        register(name, OLD)
        def token = login(name, OLD)
        def accountId = files.registryRow(name).id as String

        when:
        def held = Gates.arm(Gates.LOGIN_UNLOCKED)
        def racingLogin = async { post('/api/v1/auth/login', [username: name, password: OLD]) }
        assert held.awaitReached()
        def deletion = async { delete('/api/v1/account', token, [password: OLD]) }
        Thread.sleep(300)
        held.open()

        then:
        deletion.get().status == 204
        def answer = racingLogin.get()
        answer.status != 200 || get('/api/v1/research', answer.json.token as String).status == 401
        post('/api/v1/auth/login', [username: name, password: OLD]).status == 401
        !java.nio.file.Files.exists(dataDir.resolve('users').resolve(accountId))
    }

    def "a restore whose password proof started before a password change is refused, and the new password keeps the vault"() {
        given:
        def name = uniqueName('race3')
        register(name, OLD)
        def token = login(name, OLD)
        def before = post('/api/v1/research', [query: 'in the backup', mode: 'quick'], token).json.id
        def backup = post('/api/v1/backups', null, token).json.name
        def after = post('/api/v1/research', [query: 'after the backup', mode: 'quick'], token).json.id

        when: 'the restore\'s proof of the old password is held while the password change runs'
        def held = Gates.arm(Gates.KDF, OLD)
        def restore = async { post("/api/v1/backups/${backup}/restore", [password: OLD], token) }
        assert held.awaitReached()
        def change = post('/api/v1/auth/password', [currentPassword: OLD, newPassword: NEW], token)
        held.open()

        then: 'the change won; the restore with the ended session changes nothing'
        change.status == 204
        restore.get().status == 401

        and: 'exactly the new password opens the vault, with everything in it'
        post('/api/v1/auth/login', [username: name, password: OLD]).status == 401
        def fresh = login(name, NEW)
        get("/api/v1/research/${before}", fresh).status == 200
        get("/api/v1/research/${after}", fresh).status == 200

        and: 'the backup survived the password change, re-encrypted: it restores with the new password'
        get('/api/v1/backups', fresh).json*.name.contains(backup)
        post("/api/v1/backups/${backup}/restore", [password: NEW], fresh).status == 200
        get("/api/v1/research/${after}", fresh).status == 404
        get("/api/v1/research/${before}", fresh).status == 200
    }

    private static <T> CompletableFuture<T> async(Closure<T> work) {
        CompletableFuture.supplyAsync(work)
    }
}
