package dev.researchvault.reliability

import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.Mounts
import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.User
import spock.lang.Requires
import spock.lang.Shared

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicReference

/**
 * Faults of the storage under a running server, on a tmpfs data directory: read-only, full, one user's
 * vault corrupted or deleted. Each gives a clear answer (a problem document with a code, no 500) to the
 * users it touches, the others go on, and service returns when the fault is cleared.
 */
@Requires({ Mounts.AVAILABLE })
class FaultsSpec extends ReliabilitySpec {

    @Shared List<User> bystanders = []
    @Shared Map<User, String> researchOf = [:]

    def setupSpec() {
        Files.createDirectories(dataDir)
        Mounts.tmpfs(dataDir, 256)
        // Health must show each fault the moment it is made: no reuse of an earlier check (by default one check
        // answers GET /health for 5 s, docs/operations.md).
        startServer(['health.reuse-for': '0s'])
        4.times { User user = newUser('bystander'); bystanders << user; researchOf[user] = research(user) }
    }

    def cleanupSpec() {
        servers*.stop()
        Mounts.unmount(dataDir)
    }

    def "a data directory that refuses new files under load: clear refusals, others go on, service returns"() {
        given: 'immutable directories: a true read-only remount is refused (EBUSY) while files are open for writing'
        List<Path> dirs = [dataDir, dataDir.resolve('users'), dataDir.resolve('backups')]

        when:
        Map<String, List<Api.Reply>> answers = traffic(bystanders) { Mounts.immutable(dirs, true) }
        def register = api.register("late-${UUID.randomUUID().toString().take(8)}", 'long enough password')
        def backup = api.post('/api/v1/backups', null, bystanders[0].token)
        Mounts.immutable(dirs, false)

        then: 'users whose files exist go on'
        answers.faulty.every { it.status in [200, 201] }

        and: 'what needs a new file is refused clearly (a backup lands in the existing per-user directory)'
        register.status == 503 && register.problem
        backup.status == 201 || (backup.status == 503 && backup.problem)

        and: 'once cleared, both work again'
        newUser('late') != null
        api.post('/api/v1/backups', null, bystanders[0].token).status == 201

        cleanup:
        Mounts.immutable(dirs, false)
    }

    def "a full disk: clear refusals for writers, reads go on, and writes come back once space is freed"() {
        given:
        Path filler = dataDir.resolve('filler')

        when:
        Map<String, List<Api.Reply>> answers = traffic(bystanders) { fill(filler) }
        Files.delete(filler)

        then:
        answers.faulty.every { it.status in [200, 201] || (it.status in [503, 507] && it.problem) }
        answers.faulty.any { it.status in [503, 507] }
        answers.faulty.findAll { it.response.request().method() == 'GET' }.every { it.status == 200 }

        and:
        bystanders.every { user -> eventually { appendLog(user).status == 201 } }

        cleanup:
        Files.deleteIfExists(filler)
    }

    def "a full disk: a user reads on (list, research, a message file), writes get a clear refusal, health says full, and writes work again once space is freed"() {
        given: 'a reader whose research, chat and message file exist, logged in before the disk fills up'
        User reader = newUser('reader')
        String kept = research(reader)
        def (String message, byte[] bytes) = messageWithFile(reader)
        Path filler = dataDir.resolve('filler')

        when:
        fill(filler)
        def list = api.get('/api/v1/research', reader.token)
        def one = api.get("/api/v1/research/${kept}", reader.token)
        def file = api.get("/api/v1/messages/${message}/files/0", reader.token)
        def writes = (1..20).collect { api.post("/api/v1/research/${kept}/logs", [level: 'info', message: 'x' * 4000], reader.token) }
        writes << api.post('/api/v1/research', [query: 'on a full disk', mode: 'quick'], reader.token)
        def health = api.get('/health')

        then: 'reads go on'
        list.status == 200 && list.json.items*.id.contains(kept)
        one.status == 200
        file.status == 200 && file.response.body() == bytes

        and: 'writes are refused with a problem naming the cause, never a 500'
        writes.every { it.status in [200, 201] || (it.status in [503, 507] && it.problem && it.json.code) }
        writes.any { it.status in [503, 507] }

        and: 'health says the storage is full, and no failed probe left a file behind'
        health.status == 503
        health.json.status == 'DEGRADED'
        health.json.storage == 'full'
        !health.json.dataDirectoryWritable
        Files.list(dataDir).withCloseable { it.toList() }.every { !it.fileName.toString().startsWith('.probe-') }

        when: 'space is freed; no restart'
        Files.delete(filler)

        then:
        eventually { appendLogTo(reader, kept).status == 201 }
        api.post('/api/v1/research', [query: 'after the disk was freed', mode: 'quick'], reader.token).status == 201
        api.post('/api/v1/auth/login', [username: reader.name, password: reader.password]).status == 200
        api.get('/health').status == 200

        cleanup:
        Files.deleteIfExists(filler)
    }

    def "a full disk: an existing user logs in to read"() {
        given:
        User reader = newUser('full-login')
        String kept = research(reader)
        Path filler = dataDir.resolve('filler')

        when:
        fill(filler)
        def login = api.post('/api/v1/auth/login', [username: reader.name, password: reader.password])
        def read = login.status == 200 ? api.get("/api/v1/research/${kept}", login.json.token as String) : login

        then:
        login.status == 200
        read.status == 200

        cleanup:
        Files.deleteIfExists(filler)
    }

    def "a data directory made read-only while running: health says so, nothing undoes it, logins and reads go on, and all works again once it is writable"() {
        given: 'a user with research; the registry\'s files, so that new registry connections open read-only'
        User reader = newUser('ro-reader')
        String kept = research(reader)
        List<Path> registryFiles = ['registry.db', 'registry.db-wal', 'registry.db-shm'].collect { dataDir.resolve(it) }

        when: 'the operator makes it read-only (chmod 0500); as root that stops no write, so the registry files are'
        // made immutable too: SQLite then opens new registry connections read-only, as it does for a server
        // user without write permission, and the burst of logins below makes the pool open some.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('r-x------'))
        Mounts.immutable(registryFiles, true)
        def health = api.get('/health')
        def logins = concurrently(12) { api.post('/api/v1/auth/login', [username: reader.name, password: reader.password]) }
        def read = api.get("/api/v1/research/${kept}", reader.token)
        def register = api.register("ro-late-${UUID.randomUUID().toString().take(8)}", 'long enough password')

        then: 'health says the storage is read-only'
        health.status == 503
        health.json.status == 'DEGRADED'
        health.json.storage == 'read-only'
        !health.json.dataDirectoryWritable

        and: 'logins and reads go on, or answer a clean 503'
        logins.every { it.status == 200 || (it.status == 503 && it.problem) }
        read.status == 200
        register.status == 201 || (register.status == 503 && register.problem)

        and: 'neither health nor registration undid the operator\'s mode'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)) == 'r-x------'

        when: 'writable again; no restart'
        Mounts.immutable(registryFiles, false)
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('rwx------'))
        def loginsAfter = concurrently(12) { api.post('/api/v1/auth/login', [username: reader.name, password: reader.password]) }

        then: 'every login, registration and write works: no registry connection stayed read-only'
        loginsAfter*.status.every { it == 200 }
        newUser('ro-after') != null
        appendLogTo(reader, kept).status == 201
        api.get('/health').status == 200

        cleanup:
        Mounts.immutable(registryFiles, false)
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('rwx------'))
    }

    def "a corrupted vault: that user gets a clear error, others go on, the good backup survives, restore heals"() {
        given: 'a victim keeping up to 5 backups, so retention alone never removes the good one'
        User victim = newUser('corrupt')
        assert api.put('/api/v1/settings/backup.max_count', [value: 5], victim.token).status == 200
        String kept = research(victim)
        String backup = api.post('/api/v1/backups', null, victim.token).json.name
        Path backupDir = dataDir.resolve('backups').resolve(files.registryRow(victim.name).id as String)
        Map<String, String> backupsBefore = digests(backupDir)

        when:
        corrupt(files.userDir(victim.name).resolve('vault.db'))

        then: 'the integrity check says so'
        api.get('/api/v1/vault/integrity', victim.token).json.vault == 'corrupt'

        and: 'a new backup is refused with a problem, or (pages still cached) is a sound copy; the good one is untouched'
        def attempt = api.post('/api/v1/backups', null, victim.token)
        attempt.status == 201 ? soundBackup(victim, backupDir.resolve(attempt.json.name as String)) : (attempt.status == 503 && attempt.problem)
        digests(backupDir).subMap(backupsBefore.keySet()) == backupsBefore

        and: 'the others go on'
        bystanders.every { appendLog(it).status == 201 }

        when: 'the fault is cleared by a restore'
        def restored = api.post("/api/v1/backups/${backup}/restore", [password: victim.password], victim.token)

        then:
        restored.status == 200
        api.get('/api/v1/vault/integrity', victim.token).json.vault == 'ok'
        api.get("/api/v1/research/${kept}", victim.token).status == 200
    }

    def "reads of a corrupted vault answer a clear 503"() {
        given:
        User victim = newUser('corrupt-read')
        String kept = research(victim)
        appendLogTo(victim, kept)

        when: 'the vault is closed (WAL folded in, page caches gone) and then damaged on disk'
        api.post('/api/v1/auth/logout', null, victim.token)
        corrupt(files.userDir(victim.name).resolve('vault.db'))
        def relogin = api.post('/api/v1/auth/login', [username: victim.name, password: victim.password])
        def answer = relogin.status == 200 ? api.get("/api/v1/research/${kept}/logs", relogin.json.token as String) : relogin

        then: 'the owner still gets in (page 1 proves the key), and reads of the damaged vault answer 503, never 500'
        relogin.status == 200
        answer.status == 503 && answer.problem

        and: 'so they can see the damage, which is what lets them restore a backup'
        api.get('/api/v1/vault/integrity', relogin.json.token as String).json.vault == 'corrupt'
    }

    def "a deleted vault: that user gets a clear error, no login with any password, others go on, restore heals"() {
        given:
        User victim = newUser('deleted')
        String kept = research(victim)
        String backup = api.post('/api/v1/backups', null, victim.token).json.name
        Path userDir = files.userDir(victim.name)

        when:
        ['vault.db', 'vault.db-wal', 'vault.db-shm'].each { Files.deleteIfExists(userDir.resolve(it)) }
        def write = appendLogTo(victim, kept)

        then: "the victim's writes fail clearly (or land in the open, deleted file)"
        write.status == 201 || (write.status in [500, 503] && write.problem)

        and: 'the others go on'
        bystanders.every { appendLog(it).status == 201 }

        when: 'the victim logs out: the vault closes'
        api.post('/api/v1/auth/logout', null, victim.token)

        then: 'neither a wrong nor the right password opens a vault that is not there, and nothing is created'
        def wrong = api.post('/api/v1/auth/login', [username: victim.name, password: 'not-the-password'])
        def right = api.post('/api/v1/auth/login', [username: victim.name, password: victim.password])
        wrong.status in [401, 503]
        right.status == 503 && right.problem
        !Files.exists(userDir.resolve('vault.db'))

        and: 'the backup is still there, byte for byte what it was'
        Files.exists(dataDir.resolve('backups').resolve(userDir.fileName.toString()).resolve("${backup}"))
                || Files.list(dataDir.resolve('backups').resolve(userDir.fileName.toString())).count() > 0
    }

    // --- helpers -------------------------------------------------------------------------------------

    private String research(User user) {
        def reply = api.post('/api/v1/research', [query: "of ${user.name}", mode: 'quick'], user.token)
        assert reply.status == 201: reply.toString()
        reply.json.id
    }

    private Api.Reply appendLog(User user) {
        appendLogTo(user, researchOf[user])
    }

    private Api.Reply appendLogTo(User user, String research) {
        api.post("/api/v1/research/${research}/logs", [level: 'info', message: 'x' * 2000], user.token)
    }

    /** Writes and reads of {@code users} before, during and after {@code fault}: answers by phase. */
    private Map<String, List<Api.Reply>> traffic(List<User> users, Closure fault) {
        AtomicReference<String> phase = new AtomicReference<>('before')
        Map<String, List<Api.Reply>> answers = new ConcurrentHashMap<>()
        ['before', 'faulty'].each { answers[it] = new CopyOnWriteArrayList<Api.Reply>() }
        def pool = Executors.newFixedThreadPool(users.size())
        def futures = users.collect { user ->
            pool.submit {
                while (phase.get() != 'done') {
                    answers[phase.get()]?.add(appendLog(user))
                    answers[phase.get()]?.add(api.get("/api/v1/research/${researchOf[user]}", user.token))
                }
            }
        }
        Thread.sleep(1000)
        phase.set('faulty')
        fault()
        Thread.sleep(3000)
        phase.set('done')
        futures*.get()
        pool.shutdown()
        assert answers.before.every { it.status in [200, 201] }
        answers
    }

    /** A chat message of {@code user} with one small file: its id and the file's bytes. */
    private List messageWithFile(User user) {
        String chat = api.post('/api/v1/chats', [title: 'kept'], user.token).json.id
        byte[] bytes = 'the bytes of a kept file'.getBytes('UTF-8')
        def posted = api.post("/api/v1/chats/${chat}/messages", [role: 'user', content: 'with a file',
                files: [[name: 'kept.txt', mime: 'text/plain', data: bytes.encodeBase64().toString()]]], user.token)
        assert posted.status == 201: posted.toString()
        [posted.json.id as String, bytes]
    }

    /** {@code times} calls of {@code call} at once; their answers. */
    private static List<Api.Reply> concurrently(int times, Closure<Api.Reply> call) {
        def pool = Executors.newFixedThreadPool(times)
        try {
            def start = new java.util.concurrent.CountDownLatch(1)
            def futures = (1..times).collect { pool.submit({ start.await(); call() } as java.util.concurrent.Callable<Api.Reply>) }
            start.countDown()
            futures*.get()
        } finally {
            pool.shutdown()
        }
    }

    private static void fill(Path filler) {
        byte[] chunk = new byte[1024 * 1024]
        try (def out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk)
            }
        } catch (IOException full) {
            // no space left on the device: the point
        }
    }

    /** Overwrites every page but the first (the schema's header) with random bytes. */
    private static void corrupt(Path file) {
        byte[] bytes = Files.readAllBytes(file)
        byte[] noise = new byte[bytes.length - 4096]
        new Random(7).nextBytes(noise)
        System.arraycopy(noise, 0, bytes, 4096, noise.length)
        Files.write(file, bytes)
    }

    /** A backup made while the live file was damaged must itself be whole and hold the user's data. */
    private boolean soundBackup(User user, Path backup) {
        assert files.integrityCheckAt(backup.resolve('vault.db'), user.name, user.password) == ['ok']
        assert files.countAt(backup.resolve('vault.db'), user.name, user.password, 'research') >= 1
        true
    }

    /** SHA-256 of every file under {@code dir}, by relative path. */
    private static Map<String, String> digests(Path dir) {
        Files.walk(dir).withCloseable { stream ->
            stream.toList().findAll { Files.isRegularFile(it) }.collectEntries {
                [(dir.relativize(it).toString()): MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(it)).encodeHex().toString()]
            }
        }
    }

    private static boolean eventually(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 30_000_000_000L
        while (System.nanoTime() < deadline) {
            if (condition()) {
                return true
            }
            Thread.sleep(250)
        }
        false
    }
}
