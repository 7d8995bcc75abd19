package dev.researchvault.bootstrap.account

import dev.researchvault.bootstrap.support.VaultHttpSpec
import spock.lang.Unroll

import java.nio.file.Files
import java.time.Instant
import java.security.MessageDigest
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

class AccountHttpSpec extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'

    def "registering answers 201 with the name and creates an encrypted vault"() {
        given:
        def name = uniqueName('reg')

        when:
        def reply = register(name)

        then:
        reply.status == 201
        reply.json == [username: name]
        Files.exists(userDirOf(name).resolve('vault.db'))
        Files.exists(userDirOf(name).resolve('blobs.db'))
    }

    def "a taken name is refused in any letter case"() {
        given:
        def name = uniqueName('dup')
        register(name)

        when:
        def reply = register(name.toUpperCase())

        then:
        reply.status == 409
        reply.problem
        reply.json.type.endsWith('/account.username-taken')
    }

    @Unroll
    def "registration refuses #what with 400 and writes nothing"() {
        when:
        def reply = post('/api/v1/auth/register', body)

        then:
        reply.status == 400
        reply.problem
        code == null || reply.json.code == code
        !reply.text.contains('Exception')

        where:
        what                  | body                                                   | code
        'an empty username'   | [username: '', password: PASSWORD]                     | 'account.invalid-username'
        'a path as username'  | [username: '../x', password: PASSWORD]                 | 'account.invalid-username'
        'a 65-char username'  | [username: 'a' * 65, password: PASSWORD]               | 'account.invalid-username'
        'a missing username'  | [password: PASSWORD]                                   | 'account.invalid-username'
        'a short password'    | [username: uniqueName(), password: 'short']            | 'account.invalid-password'
        'an empty password'   | [username: uniqueName(), password: '']                 | 'account.invalid-password'
        'a huge password'     | [username: uniqueName(), password: 'x' * 1025]         | 'account.invalid-password'
        'broken JSON'         | '{"username": "x", '                                   | 'request.invalid'
        // serde coerces a number to a string; the array then fails as a password: 400 either way
        'a wrong type'        | '{"username": 12, "password": ["a"]}'                  | null
    }

    def "login answers an opaque token of at least 256 bits and its expiry"() {
        given:
        def name = uniqueName('login')
        register(name)

        when:
        def reply = post('/api/v1/auth/login', [username: name, password: PASSWORD])

        then:
        reply.status == 200
        reply.json.token.size() >= 43
        Base64.urlDecoder.decode(reply.json.token as String).length == 32
        reply.json.expiresAt
    }

    def "a wrong password answers 401 and changes nothing in the vault"() {
        given:
        def name = uniqueName('wrong')
        register(name)
        def before = fingerprint(name)

        when:
        def reply = post('/api/v1/auth/login', [username: name, password: 'not the password'])

        then:
        reply.status == 401
        reply.json.code == 'account.invalid-credentials'
        fingerprint(name) == before
    }

    def "an unknown user gets exactly the answer a wrong password gets"() {
        given:
        def name = uniqueName('known')
        register(name)

        when:
        def wrongPassword = post('/api/v1/auth/login', [username: name, password: 'not the password'])
        def unknownUser = post('/api/v1/auth/login', [username: uniqueName('ghost'), password: 'not the password'])

        then:
        unknownUser.status == wrongPassword.status
        unknownUser.text == wrongPassword.text
        unknownUser.contentType == wrongPassword.contentType
    }

    def "repeated failures for a name answer 429 with Retry-After, even for the right password"() {
        given:
        def name = uniqueName('locked')
        register(name)
        5.times { post('/api/v1/auth/login', [username: name, password: 'guess guess']) }

        when:
        def reply = post('/api/v1/auth/login', [username: name, password: PASSWORD])

        then:
        reply.status == 429
        reply.problem
        reply.header('Retry-After') as int > 0

        and: 'other users are not affected'
        newUser('bystander')
    }

    def "logout ends that session only"() {
        given:
        def name = uniqueName('logout')
        register(name)
        def first = login(name)
        def second = login(name)

        when:
        def reply = post('/api/v1/auth/logout', null, first)

        then:
        reply.status == 204
        post('/api/v1/auth/logout', null, first).status == 401
        post('/api/v1/auth/logout', null, second).status == 204
    }

    @Unroll
    def "a request with #what answers 401 problem+json with a Bearer challenge"() {
        when:
        def reply = send('POST', '/api/v1/auth/logout', null, null, headers)

        then:
        reply.status == 401
        reply.problem
        reply.header('WWW-Authenticate') == 'Bearer'

        where:
        what                 | headers
        'no token'           | [:]
        'a forged token'     | [Authorization: 'Bearer ' + 'A' * 43]
        'another scheme'     | [Authorization: 'Basic dXNlcjpwYXNz']
        'an absurd token'    | [Authorization: 'Bearer ' + 'x' * 5000]
    }

    def "changing the password: the old one stops working, the new one works, the data is intact"() {
        given:
        def name = uniqueName('rekey')
        register(name)
        def token = login(name)
        def other = login(name)
        def createdAt = files.meta(name, PASSWORD, 'created_at')

        when:
        def reply = post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'a brand new secret'], token)

        then:
        reply.status == 204
        post('/api/v1/auth/login', [username: name, password: PASSWORD]).status == 401
        login(name, 'a brand new secret')
        files.meta(name, 'a brand new secret', 'created_at') == createdAt
        files.meta(name, PASSWORD, 'created_at') == null

        and: 'every session of the user ended'
        post('/api/v1/auth/logout', null, token).status == 401
        post('/api/v1/auth/logout', null, other).status == 401

        and: 'the salt was rotated'
        files.registryRow(name).pending_kdf_salt == null
    }

    @Unroll
    def "a new password that is #what is refused and the old one still works"() {
        given:
        def name = uniqueName('weak')
        register(name)
        def token = login(name)

        when:
        def reply = post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: newPassword], token)

        then:
        reply.status == 400
        reply.json.code == 'account.invalid-password'
        login(name)
        post('/api/v1/auth/logout', null, token).status == 204

        where:
        what        | newPassword
        'empty'     | ''
        'too short' | 'seven77'
        'missing'   | null
    }

    def "a wrong current password refuses the change with a 403 that leaves the session alive"() {
        given:
        def name = uniqueName('notme')
        register(name)
        def token = login(name)

        when:
        def reply = post('/api/v1/auth/password', [currentPassword: 'not the password', newPassword: 'another secret'], token)

        then:
        passwordMismatch(reply)
        get('/api/v1/settings', token).status == 200
        login(name)
    }

    /** A wrong confirmation password: 403 account.password-mismatch, and no Bearer challenge a client would log out on. */
    static boolean passwordMismatch(Reply reply) {
        assert reply.status == 403
        assert reply.problem
        assert reply.json.code == 'account.password-mismatch'
        assert reply.header('WWW-Authenticate') == null
        true
    }

    def "GET /account shows the name as registered, when it was made, the last login and the live sessions"() {
        given:
        def name = uniqueName('Shown')
        register(name)
        def first = login(name)
        def second = login(name)

        when:
        def reply = get('/api/v1/account', first)

        then:
        reply.status == 200
        reply.json.username == name
        Instant.parse(reply.json.createdAt) <= Instant.parse(reply.json.lastLoginAt)
        Instant.parse(reply.json.lastLoginAt) > Instant.now().minusSeconds(60)
        reply.json.sessions == 2

        when:
        post('/api/v1/auth/logout', null, second)

        then:
        get('/api/v1/account', first).json.sessions == 1
        get('/api/v1/account').status == 401
    }

    def "deleting the account needs the password and then removes every file"() {
        given:
        def name = uniqueName('bye')
        register(name)
        def token = login(name)
        def userDir = userDirOf(name)

        expect:
        passwordMismatch(delete('/api/v1/account', token, [password: 'not the password']))
        Files.exists(userDir)
        get('/api/v1/settings', token).status == 200

        when:
        def reply = delete('/api/v1/account', token, [password: PASSWORD])

        then:
        reply.status == 204
        !Files.exists(userDir)
        post('/api/v1/auth/login', [username: name, password: PASSWORD]).status == 401
        post('/api/v1/auth/logout', null, token).status == 401

        and: 'the name can be registered again, as a new empty vault'
        register(name).status == 201
    }

    def "8 concurrent logins of one user all succeed with distinct tokens"() {
        given:
        def name = uniqueName('crowd')
        register(name)
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when:
        def replies = (1..8).collect {
            pool.submit({ start.await(); post('/api/v1/auth/login', [username: name, password: PASSWORD]) } as Callable)
        }
        start.countDown()
        def results = replies*.get()

        then:
        results*.status.every { it == 200 }
        results*.json*.token.toSet().size() == 8

        cleanup:
        pool.shutdown()
    }

    def "health answers UP when the data directory and encryption work"() {
        when:
        def reply = get('/health')

        then:
        reply.status == 200
        reply.json.status == 'UP'
    }

    def "unknown routes and methods answer problem+json"() {
        expect:
        with(get('/api/v1/nothing-here', newUser())) {
            status == 404
            problem
        }
        with(send('GET', '/api/v1/auth/login', null, null)) {
            status == 405
            problem
        }
    }

    private Map<String, String> fingerprint(String name) {
        Files.list(userDirOf(name)).withCloseable { files ->
            files.sorted().toList().collectEntries { file ->
                [(file.fileName.toString()): MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()]
            }
        }
    }
}
