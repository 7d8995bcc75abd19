package dev.researchvault.bootstrap.read

import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.bootstrap.support.VaultHttpSpec
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Point reads answered on the event loop while the account's lifecycle changes under them: a password change, a
 * restore, the account's deletion, a logout. Each read holds the vault's shared lock and a lease like a read on
 * the blocking path, so the change waits for it (or it falls back and queues behind the change): every answer is
 * the state before or the state after, or the 401 of an ended session, never a 500 or a read of files being
 * swapped; and afterwards exactly the new state holds.
 */
class EventLoopReadRacesHttpSpec extends VaultHttpSpec {

    static final String PASSWORD = 'correct horse battery'
    static final String NEW_PASSWORD = 'a brand new password'
    static final int READERS = 4

    @Override
    Map<String, Object> extraProperties() {
        ['vault.lock-timeout': '5s', 'login.max-failures': 1000, 'login.max-failures-per-account': 1000]
    }

    OpenVaults getVaults() {
        server.applicationContext.getBean(OpenVaults)
    }

    /** A user with one research and an overridden setting; answers [name, token, researchId]. */
    List<String> userWithData(String prefix, double temperature = 0.25) {
        String name = uniqueName(prefix)
        assert register(name, PASSWORD).status == 201
        String token = login(name, PASSWORD)
        String researchId = post('/api/v1/research', [query: 'read while the vault changes', mode: 'quick'], token).json.id
        assert put('/api/v1/settings/llm.temperature', [value: temperature], token).status == 200
        [name, token, researchId]
    }

    /**
     * Reads the research and the setting from {@link #READERS} threads until {@code change} has answered (and a few
     * reads after it); answers every reply, in each thread's order, and the change's reply.
     */
    Map readWhile(String token, String researchId, Closure<Reply> change) {
        def stop = new AtomicBoolean()
        def started = new CountDownLatch(READERS)
        def replies = new ConcurrentLinkedQueue<List<Reply>>()
        long answeredBefore = vaults.attemptsAnswered()
        def readers = (1..READERS).collect {
            Thread.start {
                List<Reply> mine = []
                replies << mine
                started.countDown()
                while (!stop.get()) {
                    mine << get("/api/v1/research/${researchId}", token)
                    mine << get('/api/v1/settings/llm.temperature', token)
                }
            }
        }
        started.await(10, TimeUnit.SECONDS)
        Thread.sleep(100)
        Reply changed = change()
        Thread.sleep(100)
        stop.set(true)
        readers*.join(30_000)
        [replies: replies.toList(), change: changed, onEventLoop: vaults.attemptsAnswered() - answeredBefore]
    }

    /** A read's answer is the research, the setting at one of {@code temperatures}, or the 401 of an ended session. */
    static void isAReadOrEnded(Reply reply, String researchId, List<Double> temperatures) {
        if (reply.status == 401) {
            assert reply.problem && reply.json.code in ['session.required', 'session.invalid']
            return
        }
        assert reply.status == 200: "a read answered ${reply}"
        assert reply.json.id == researchId || (reply.json.key == 'llm.temperature' && (reply.json.value as double) in temperatures)
    }

    def "reads during a password change answer the vault as it was, or 401 once their session ended"() {
        given:
        def (name, token, researchId) = userWithData('race-rekey')

        when:
        def run = readWhile(token, researchId) {
            post('/api/v1/auth/password', [currentPassword: PASSWORD, newPassword: NEW_PASSWORD], token)
        }

        then:
        run.change.status in [200, 204]
        run.onEventLoop > 0
        run.replies.flatten().each { isAReadOrEnded(it, researchId, [0.25d]) }

        and: 'the new password opens the same vault, the old one nothing'
        String fresh = login(name, NEW_PASSWORD)
        get("/api/v1/research/${researchId}", fresh).json.id == researchId
        get('/api/v1/settings/llm.temperature', fresh).json.value == 0.25
        get('/api/v1/vault/integrity', fresh).json.vault == 'ok'
        post('/api/v1/auth/login', [username: name, password: PASSWORD]).status == 401
    }

    def "reads during a restore answer the state before it or after it, never one after the other was seen"() {
        given: 'the backup holds 0.25 and the untitled research; the live vault then 0.75 and a retitled research, read'
        def (name, token, researchId) = userWithData('race-restore')
        awaitLoginBackup(token)
        String backup = post('/api/v1/backups', null, token).json.name
        assert put('/api/v1/settings/llm.temperature', [value: 0.75], token).status == 200
        assert patch("/api/v1/research/${researchId}", [title: 'after the backup'], token).status == 200
        // Read twice, so that the live title is also answered from memory (PointReads) when the restore begins.
        2.times { assert get("/api/v1/research/${researchId}", token).json.title == 'after the backup' }

        when:
        def run = readWhile(token, researchId) {
            post("/api/v1/backups/${backup}/restore", [password: PASSWORD], token)
        }

        then:
        run.change.status == 200
        run.onEventLoop > 0
        run.replies.each { List<Reply> thread ->
            thread.each { isAReadOrEnded(it, researchId, [0.75d, 0.25d]) }
            List<Double> seen = thread.findAll { it.status == 200 && it.json.key }.collect { it.json.value as double }
            assert seen.indexOf(0.75d) == -1 || seen.lastIndexOf(0.75d) < Math.max(0, seen.indexOf(0.25d)) || !seen.contains(0.25d)
            List<String> titles = thread.findAll { it.status == 200 && it.json.id }.collect { it.json.title as String }
            assert titles.every { it in ['after the backup', null] }
            assert titles.lastIndexOf('after the backup') < Math.max(0, titles.indexOf(null)) || !titles.contains(null)
        }

        and: 'the restored research, not the one kept in memory before'
        get('/api/v1/settings/llm.temperature', token).json.value == 0.25
        get("/api/v1/research/${researchId}", token).json.title == null
        get('/api/v1/vault/integrity', token).json.vault == 'ok'
    }

    def "reads during the account's deletion answer the vault, or 401; afterwards nothing of the user is left"() {
        given:
        def (name, token, researchId) = userWithData('race-delete')
        def userDir = userDirOf(name)

        when:
        def run = readWhile(token, researchId) { delete('/api/v1/account', token, [password: PASSWORD]) }

        then:
        run.change.status == 204
        run.replies.flatten().each { isAReadOrEnded(it, researchId, [0.25d]) }
        get("/api/v1/research/${researchId}", token).status == 401
        !userDir.toFile().exists()
        post('/api/v1/auth/login', [username: name, password: PASSWORD]).status == 401
    }

    def "reads during a logout answer the vault, or 401 once the token stopped working"() {
        given:
        def (name, token, researchId) = userWithData('race-logout')

        when:
        def run = readWhile(token, researchId) { post('/api/v1/auth/logout', null, token) }

        then:
        run.change.status == 204
        run.onEventLoop > 0
        run.replies.flatten().each { isAReadOrEnded(it, researchId, [0.25d]) }
        get('/api/v1/settings/llm.temperature', token).status == 401

        and: 'the vault closed with the last session, and opens again for the next login'
        String again = login(name, PASSWORD)
        get('/api/v1/settings/llm.temperature', again).json.value == 0.25
    }
}
