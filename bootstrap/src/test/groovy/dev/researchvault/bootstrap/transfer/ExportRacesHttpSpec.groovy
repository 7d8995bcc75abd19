package dev.researchvault.bootstrap.transfer

import java.util.concurrent.CompletableFuture

/**
 * An export streams for as long as its client reads: what happens to the vault meanwhile. The vault holds a file
 * larger than the archive pipe (1 MiB), so the writer is still inside the vault while the spec acts.
 */
class ExportRacesHttpSpec extends TransferHttpSupport {

    static final byte[] LARGE = new byte[3 * 1024 * 1024].tap { new Random(3).nextBytes(it) }

    @Override
    Map<String, Object> extraProperties() {
        super.extraProperties() + ['vault.lock-timeout': '2s']
    }

    /** Starts an export and reads its first bytes only: the writer is then waiting for the client. */
    InputStream startExport(User user) {
        startReading('/api/v1/export', user.token)
    }

    def "a logout during an export: the archive is still whole, and the session is gone"() {
        given:
        User alice = user('logout')
        Map ids = populate(alice, LARGE)
        InputStream export = startExport(alice)

        when:
        Reply logout = post('/api/v1/auth/logout', null, alice.token)
        byte[] rest = export.readAllBytes()

        then:
        logout.status == 204
        get('/api/v1/research', alice.token).status == 401
        Arrays.equals(unzip(rest)["files/${ids.message}/0".toString()], LARGE)
    }

    def "a password change during an export waits for it or is refused busy; the archive is whole either way"() {
        given:
        String name = uniqueName('rekey')
        register(name, PASSWORD)
        User alice = new User(name: name, token: login(name, PASSWORD))
        Map ids = populate(alice, LARGE)
        InputStream export = startExport(alice)

        when:
        def change = CompletableFuture.supplyAsync {
            post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'a brand new password'], alice.token)
        }
        Thread.sleep(500)
        byte[] rest = export.readAllBytes()
        Reply changed = change.join()
        String password = changed.status == 204 ? 'a brand new password' : PASSWORD

        then:
        changed.status in [204, 503]
        Arrays.equals(unzip(rest)["files/${ids.message}/0".toString()], LARGE)
        String token = login(name, password)
        get('/api/v1/vault/integrity', token).json.vault == 'ok'
        get("/api/v1/messages/${ids.message}/files/0", token).bytes == LARGE
    }

    def "a client that goes away mid-export releases the vault: a password change then goes through"() {
        given:
        String name = uniqueName('gone')
        register(name, PASSWORD)
        User alice = new User(name: name, token: login(name, PASSWORD))
        populate(alice, LARGE)
        InputStream export = startExport(alice)

        when:
        export.close()
        Thread.sleep(1000)
        Reply changed = post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: 'a brand new password'], alice.token)

        then:
        changed.status == 204
        login(name, 'a brand new password')
    }
}
