package dev.researchvault.bootstrap.file

import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.bootstrap.chat.MessageFilesSpecSupport
import dev.researchvault.bootstrap.support.VaultHttpSpec
import dev.researchvault.domain.account.UserId
import java.net.http.HttpRequest
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Flow
import java.util.concurrent.TimeUnit

/**
 * A streamed download or raw upload lasts as long as its client takes, and the vault's key, files and sessions may
 * change meanwhile (a password change, a restore, the account's deletion, a logout). Each race is forced into its
 * interleaving: the client stops reading (or sending) halfway, the other operation is started, then the stream goes
 * on. Whatever order the server chose, afterwards exactly one password opens the vault, it passes its integrity
 * check, and every file that was acknowledged reads back whole; a stream that was refused left nothing readable.
 */
class FileStreamRacesHttpSpec extends MessageFilesSpecSupport {

    static final int MiB = 1024 * 1024
    /** Larger than what loopback sockets buffer, so a download that is not read stalls inside the server. */
    static final byte[] LARGE = new byte[24 * MiB].tap { new Random(17).nextBytes(it) }
    static final String NEW_PASSWORD = 'a brand new password'

    @Override
    Map<String, Object> extraProperties() {
        ['files.max-file-size': '32MB', 'vault.lock-timeout': '2s',
         'login.max-failures': 1000, 'login.max-failures-per-account': 1000]
    }

    /** A new user whose login's automatic backup is written: with one backup kept, it would prune a later manual one. */
    @Override
    User user(String prefix) {
        User created = super.user(prefix)
        awaitLoginBackup(created.token)
        created
    }

    /** A user owning a message whose one file is {@link #LARGE}; answers the file's path. */
    String largeFileOf(User owner) {
        Reply uploaded = uploadRaw(owner, HttpRequest.BodyPublishers.ofByteArray(LARGE))
        assert uploaded.status == 201
        taken(owner, uploaded.json.uploadId as String)
    }

    /** Takes a staged upload into a new message of a new chat of {@code owner}; answers the file's path. */
    String taken(User owner, String uploadId) {
        Reply message = post("/api/v1/chats/${newChat(owner)}/messages",
                [role: 'user', files: [[uploadId: uploadId]]], owner.token)
        assert message.status == 201
        "/api/v1/messages/${message.json.id}/files/0"
    }

    Reply uploadRaw(User owner, HttpRequest.BodyPublisher body) {
        postUpload(owner, body, 'application/octet-stream', '?name=big.bin')
    }

    /** Starts a download and reads its first bytes only: the server is then waiting for the client. */
    InputStream startDownload(String path, User owner) {
        startReading(path, owner.token)
    }

    /** What a test leaves behind, checked with whichever password won. */
    void vaultIsWhole(String name, String password, String filePath) {
        String token = login(name, password)
        assert get('/api/v1/vault/integrity', token).json.vault == 'ok'
        assert get(filePath, token).bytes == LARGE
        assert post('/api/v1/auth/login', [username: name, password: password == PASSWORD ? NEW_PASSWORD : PASSWORD])
                .status == 401
    }

    /** A download read to its end, and the answer of an operation started while it was paused. */
    static class Raced {
        byte[] read
        VaultHttpSpec.Reply answer
    }

    /** Starts {@code operation}, keeps {@code download} paused {@code pauseMs}, then reads it whole and awaits both. */
    Raced whileDownloading(InputStream download, long pauseMs, Closure<Reply> operation) {
        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(operation)
        Thread.sleep(pauseMs)
        byte[] read = download.readAllBytes()
        new Raced(read: read, answer: running.join())
    }

    def "a password change during a download paused #pause ms waits for it or is refused busy; the download is whole either way"() {
        given:
        User owner = user('dl-rekey')
        String file = largeFileOf(owner)
        InputStream download = startDownload(file, owner)

        when:
        Raced raced = whileDownloading(download, pause) {
            post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: NEW_PASSWORD], owner.token)
        }
        byte[] read = raced.read
        Reply changed = raced.answer

        then:
        read.length == LARGE.length
        read == LARGE
        changed.status in expected
        vaultIsWhole(owner.name, changed.status == 204 ? NEW_PASSWORD : PASSWORD, file)

        where: 'a download held past vault.lock-timeout (2 s) makes the change give up, with nothing changed'
        pause | expected
        300   | [204, 503]
        3000  | [503]
    }

    def "a restore during a download waits for it or is refused busy; the download is whole and the vault is one of the two"() {
        given:
        User owner = user('dl-restore')
        String file = largeFileOf(owner)
        String backup = post('/api/v1/backups', null, owner.token).json.name
        String later = post('/api/v1/research', [query: 'after the backup', mode: 'quick'], owner.token).json.id
        InputStream download = startDownload(file, owner)

        when:
        Raced raced = whileDownloading(download, 500) {
            post("/api/v1/backups/${backup}/restore", [password: PASSWORD], owner.token)
        }
        byte[] read = raced.read
        Reply restored = raced.answer

        then:
        restored.status in [200, 503]
        read == LARGE
        vaultIsWhole(owner.name, PASSWORD, file)
        get("/api/v1/research/${later}", login(owner.name, PASSWORD)).status == (restored.status == 200 ? 404 : 200)
    }

    def "deleting the account during a download waits for it or is refused busy; nothing of the account is half gone"() {
        given:
        User owner = user('dl-delete')
        String file = largeFileOf(owner)
        InputStream download = startDownload(file, owner)

        when:
        Raced raced = whileDownloading(download, 500) { delete('/api/v1/account', owner.token, [password: PASSWORD]) }
        byte[] read = raced.read
        Reply deleted = raced.answer

        then:
        deleted.status in [204, 503]
        read == LARGE
        if (deleted.status == 204) {
            assert post('/api/v1/auth/login', [username: owner.name, password: PASSWORD]).status == 401
            assert get(file, owner.token).status == 401
        } else {
            vaultIsWhole(owner.name, PASSWORD, file)
        }
    }

    def "what is written after a #operation that overlapped a download survives the download's end and a restart of the vault"() {
        given: 'a download held open, then the operation (which ends every session of the account)'
        User owner = user('dl-after')
        String file = largeFileOf(owner)
        String backup = post('/api/v1/backups', null, owner.token).json.name
        InputStream download = startDownload(file, owner)
        def acting = CompletableFuture.supplyAsync { act(operation, owner, backup) }
        Thread.sleep(500)

        when: 'the owner writes to the vault before the download ends'
        String password = operation == 'password change' ? NEW_PASSWORD : PASSWORD
        byte[] read = download.readNBytes(4 * MiB)
        Reply acted = acting.join()
        String token = login(owner.name, acted.status in [200, 204] ? password : PASSWORD)
        List<String> written = (1..20).collect { post('/api/v1/research', [query: "written ${it}", mode: 'quick'], token).json.id as String }
        User again = new User(name: owner.name, token: token)
        String second = largeFileOf(again)

        and: 'the download ends, then every session ends so the vault closes, and it is opened again'
        read = ([read, download.readAllBytes()] as List<byte[]>).inject(new ByteArrayOutputStream()) { out, part -> out.write(part); out }.toByteArray()
        post('/api/v1/auth/logout', null, token)
        Thread.sleep(1500)
        String fresh = login(owner.name, acted.status in [200, 204] ? password : PASSWORD)

        then:
        read == LARGE
        get('/api/v1/vault/integrity', fresh).json.vault == 'ok'
        written.every { get("/api/v1/research/${it}", fresh).status == 200 }
        get(second, fresh).bytes == LARGE

        where:
        operation << ['password change', 'restore']
    }

    def "a client that goes away mid-download releases the vault: a password change then goes through"() {
        given:
        User owner = user('dl-gone')
        String file = largeFileOf(owner)
        InputStream download = startDownload(file, owner)

        when:
        download.close()
        Thread.sleep(1000)
        Reply changed = post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: NEW_PASSWORD], owner.token)

        then:
        changed.status == 204
        vaultIsWhole(owner.name, NEW_PASSWORD, file)
    }

    def "a logout during a download ends the session, not the download"() {
        given:
        User owner = user('dl-logout')
        String file = largeFileOf(owner)
        InputStream download = startDownload(file, owner)

        when:
        Reply loggedOut = post('/api/v1/auth/logout', null, owner.token)
        byte[] read = download.readAllBytes()

        then:
        loggedOut.status == 204
        read == LARGE
        get(file, owner.token).status == 401
        vaultIsWhole(owner.name, PASSWORD, file)
    }

    def "a #operation during a raw upload paused #pause ms: the upload is acknowledged and kept whole"() {
        given:
        User owner = user('up-race')
        String file = largeFileOf(owner)
        def body = new HalfwayBody(LARGE)
        def upload = CompletableFuture.supplyAsync { uploadRaw(owner, body) }
        assert body.halfwaySent.await(30, TimeUnit.SECONDS)
        // Sent is not received: under load the server may not have begun the upload yet, and an operation started
        // then would not race it at all (a password change meant to give up would simply go through).
        awaitVaultHeld(owner.name)

        when: 'the other operation runs while the upload waits for its second half'
        def other = CompletableFuture.supplyAsync { act(operation, owner) }
        Thread.sleep(pause)
        body.goOn.countDown()
        Reply uploaded = upload.join()
        Reply acted = other.join()
        String password = operation == 'password change' && acted.status == 204 ? NEW_PASSWORD : PASSWORD

        then: 'an upload in progress keeps its vault open, as a download does; a session ended meanwhile does not stop it'
        acted.status in expected
        uploaded.status == 201

        and: 'the vault is whole; an acknowledged upload reads back as sent'
        vaultIsWhole(owner.name, password, file)
        String token = login(owner.name, password)
        get(taken(new User(name: owner.name, token: token), uploaded.json.uploadId as String), token).bytes == LARGE

        and: 'a backup taken mid-upload restores to a whole vault in which that upload is not half there'
        if (operation == 'backup') {
            assert post("/api/v1/backups/${acted.json.name}/restore", [password: PASSWORD], token).status == 200
            vaultIsWhole(owner.name, PASSWORD, file)
            assert uploadAbsentOrWhole(owner.name, uploaded.json.uploadId as String)
        }

        where: 'a backup copies the vault online; a password change waits for the upload, past 2 s it gives up'
        operation         | pause | expected
        'password change' | 300   | [204, 503]
        'password change' | 3000  | [503]
        'logout'          | 300   | [204]
        'backup'          | 300   | [201]
        'backup'          | 3000  | [201]
    }

    /**
     * Whether the upload is absent from the restored vault (the backup's snapshot began before the upload ended,
     * the usual case) or there whole, its bytes as sent (it began after: under load a backup may start copying
     * later than the pause). Never staged in part.
     */
    boolean uploadAbsentOrWhole(String name, String uploadId) {
        String token = login(name, PASSWORD)
        Reply staged = get("/api/v1/uploads/${uploadId}", token)
        assert staged.status in [200, 404]
        if (staged.status == 404) {
            return true
        }
        assert get(taken(new User(name: name, token: token), uploadId), token).bytes == LARGE
        true
    }

    /** Waits until a request or stream holds the user's vault (a lease), at most 30 s. */
    void awaitVaultHeld(String name) {
        def user = new UserId(UUID.fromString(userDirOf(name).fileName.toString()))
        def vaults = server.applicationContext.getBean(OpenVaults)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (vaults.leasesOf(user) == 0) {
            assert System.nanoTime() < deadline: 'the server never began the upload'
            Thread.sleep(5)
        }
    }

    Reply act(String operation, User owner, String backup = null) {
        switch (operation) {
            case 'restore':
                return post("/api/v1/backups/${backup}/restore", [password: PASSWORD], owner.token)
            case 'password change':
                return post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: NEW_PASSWORD], owner.token)
            case 'logout':
                return post('/api/v1/auth/logout', null, owner.token)
            case 'backup':
                return post('/api/v1/backups', null, owner.token)
        }
        throw new IllegalArgumentException(operation)
    }

    /**
     * A request body of known length that sends its first half, then waits for {@link #goOn} before the rest: the
     * server is then inside the upload, between two of its chunks.
     */
    static class HalfwayBody implements HttpRequest.BodyPublisher {
        final byte[] bytes
        final CountDownLatch halfwaySent = new CountDownLatch(1)
        final CountDownLatch goOn = new CountDownLatch(1)

        HalfwayBody(byte[] bytes) { this.bytes = bytes }

        @Override
        long contentLength() { bytes.length }

        @Override
        void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
            HttpRequest.BodyPublishers.ofInputStream { halvesOf(bytes) }.subscribe(subscriber)
        }

        private InputStream halvesOf(byte[] all) {
            int half = all.length.intdiv(2) as int
            new SequenceInputStream(new ByteArrayInputStream(all, 0, half), new InputStream() {
                InputStream rest = null

                @Override
                int read() {
                    byte[] one = new byte[1]
                    read(one, 0, 1) < 0 ? -1 : one[0] & 0xff
                }

                @Override
                int read(byte[] buffer, int offset, int length) {
                    if (rest == null) {
                        halfwaySent.countDown()
                        goOn.await(60, TimeUnit.SECONDS)
                        rest = new ByteArrayInputStream(all, half, all.length - half)
                    }
                    rest.read(buffer, offset, length)
                }
            })
        }
    }
}
