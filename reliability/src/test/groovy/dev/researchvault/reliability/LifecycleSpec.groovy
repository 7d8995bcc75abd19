package dev.researchvault.reliability

import dev.researchvault.reliability.lifecycle.Expectations
import dev.researchvault.reliability.lifecycle.LifecycleRun
import dev.researchvault.reliability.lifecycle.OpSpec
import dev.researchvault.reliability.lifecycle.OpType
import dev.researchvault.reliability.lifecycle.Schedule
import dev.researchvault.reliability.lifecycle.Step
import dev.researchvault.reliability.support.ReliabilitySpec

/**
 * Issue 12: the life of a vault under interleavings (invariants: docs/architecture.md "The life of a vault"). Seeded random
 * schedules over a few users — login right / wrong / old, writes, password changes, backups, restores of
 * a listed backup, account deletes (and registering the name again), SIGKILL + restart, slow streamed downloads
 * of a large file (a client that pauses mid-body) — one operation or two concurrent ones a step, with the named
 * races of the issue mixed in. After every step the
 * invariants are checked against the server and the files (see {@link LifecycleRun}): exactly one
 * password opens each live account, every acknowledged write is there unless a later acknowledged restore
 * or delete removed it, no ended session answers, integrity_check of every file from outside, nothing
 * half-done left behind. Expectations of the fixed server are in {@link Expectations}.
 *
 * Replay: -Dlifecycle.seed=S (and -Dlifecycle.steps=N); -Dlifecycle.fail-fast=true stops at the first
 * violation. Long version: -Dreliability.long=true (docs/reliability.md).
 */
class LifecycleSpec extends ReliabilitySpec {

    static final Long SEED = Long.getLong('lifecycle.seed')
    static final int STEPS = Integer.getInteger('lifecycle.steps', LONG ? 2000 : 100)
    static final int SCHEDULES = Integer.getInteger('lifecycle.schedules', SEED != null ? 1 : LONG ? 10 : 1)
    static final int USERS = Integer.getInteger('lifecycle.users', 3)

    /** Delays of the restore after the password change in the fixed race (-Dlifecycle.race.delays=10,15,20). */
    static final List<Integer> RACE_DELAYS = System.getProperty('lifecycle.race.delays', (10..20).join(',')).split(',')*.toInteger()
    /** ServerProcess's defaults. */
    static final Map<String, Object> CHEAP_KDF = ['vault.kdf.memory-kib': 1024, 'vault.kdf.iterations': 1, 'vault.kdf.parallelism': 1]
    /** docs/file-format.md's production parameters (application.yml). */
    static final Map<String, Object> PRODUCTION_KDF = Expectations.SERVER_PROPERTIES +
            ['vault.kdf.memory-kib': 19456, 'vault.kdf.iterations': 2, 'vault.kdf.parallelism': 1]

    def "random schedules of logins, writes, password changes, backups, restores, deletes and SIGKILLs keep every invariant"() {
        given:
        List<LifecycleRun> runs = []
        long base = SEED ?: new Random().nextLong()

        when:
        for (int i = 0; i < SCHEDULES; i++) {
            long seed = base + i
            println "lifecycle schedule ${i + 1}/${SCHEDULES}: seed ${seed}, ${STEPS} steps, ${USERS} users"
            LifecycleRun run = newRun("schedule${i + 1}", seed, USERS, Expectations.SERVER_PROPERTIES)
            runs << run
            run.run(Schedule.random(seed, STEPS, USERS))
            if (run.violations) {
                break
            }
        }
        figure "reliability.lifecycle ${LONG ? 'long' : 'short'} schedules=${runs.size()} seeds=${runs*.seed} " +
                "steps=${runs.sum { it.stepsRun }} seconds=${String.format('%.0f', runs.sum { it.seconds })} " +
                "counts=${sum(runs)} violations=${runs.sum { it.violations.size() }}"

        then:
        noViolations(runs.find { it.violations })
    }

    def "a wrong password right after a SIGKILL with a large WAL destroys nothing"() {
        expect:
        fixed('large-wal', Expectations.SERVER_PROPERTIES, (1..2).collect { new Step(ops: [OpSpec.of(OpType.LARGE_WAL_KILL, 0)], delayMs: 0, race: Schedule.RACE_LARGE_WAL) })
    }

    def "a restore racing a password change (same token, 10-20 ms later, the password before the change) keeps the account"() {
        expect: """with the production KDF (with the cheap one the change has ended the sessions before a restore 10 ms
                   later is read) and a 2 MiB file per round (checking the backup's blobs.db takes long enough for
                   the restore to pass its checks before the change's re-key and copy its files after it)"""
        fixed('change-restore', PRODUCTION_KDF, RACE_DELAYS.collectMany { int delay ->
            [Step.single(OpSpec.of(OpType.WRITE, 0, 'file')), Step.single(OpSpec.of(OpType.BACKUP, 0)), Step.single(write()),
             Step.pair(OpSpec.of(OpType.CHANGE_PASSWORD, 0), OpSpec.of(OpType.RESTORE, 0, 'latest'), delay, Schedule.RACE_CHANGE_RESTORE)]
        })
    }

    def "a login with the password being replaced, racing its change, does not lock the owner out"() {
        expect: 'both orders, 0-30 ms apart, each after a 2 MiB write'
        fixed('login-old-change', Expectations.SERVER_PROPERTIES, (0..30).step(5).collectMany { int delay ->
            OpSpec login = OpSpec.of(OpType.LOGIN, 0, 'right')
            OpSpec change = OpSpec.of(OpType.CHANGE_PASSWORD, 0)
            [Step.single(bigWrite()), Step.pair(login, change, delay, Schedule.RACE_LOGIN_OLD_CHANGE),
             Step.single(bigWrite()), Step.pair(change, login, delay, Schedule.RACE_LOGIN_OLD_CHANGE)]
        })
    }

    def "a login racing the account's delete gives no token that outlives the account"() {
        expect: 'both orders, 0-30 ms apart, each after a 2 MiB write'
        fixed('login-delete', Expectations.SERVER_PROPERTIES, (0..30).step(5).collectMany { int delay ->
            OpSpec login = OpSpec.of(OpType.LOGIN, 0, 'right')
            OpSpec delete = OpSpec.of(OpType.DELETE, 0)
            // The next step registers the name again as a fresh account.
            [Step.single(bigWrite()), Step.pair(login, delete, delay, Schedule.RACE_LOGIN_DELETE),
             Step.single(bigWrite()), Step.pair(delete, login, delay, Schedule.RACE_LOGIN_DELETE)]
        })
    }

    private static OpSpec write() { OpSpec.of(OpType.WRITE, 0, 'research') }

    /**
     * A message with a 2 MiB file: it makes the re-key of a password change and the close (checkpoint) of a
     * vault before a delete take tens of milliseconds, the window a racing login must hit, also on a quiet machine.
     */
    private static OpSpec bigWrite() { OpSpec.of(OpType.WRITE, 0, 'file') }

    /** Runs a fixed schedule for one user; fails with the report when an invariant broke. */
    private void fixed(String label, Map<String, Object> serverProperties, List<Step> steps) {
        LifecycleRun run = newRun(label, SEED ?: 12L, 1, serverProperties)
        run.run(steps)
        figure "reliability.lifecycle fixed=${label} steps=${run.stepsRun} seconds=${String.format('%.0f', run.seconds)} " +
                "counts=${run.counts} violations=${run.violations.size()}"
        noViolations(run.violations ? run : null)
    }

    /** A run on a server started with {@code serverProperties} (the one running is replaced when it has others). */
    private LifecycleRun newRun(String label, long seed, int users, Map<String, Object> serverProperties) {
        Map<String, Object> wanted = CHEAP_KDF + serverProperties
        if (!server?.alive || server.@properties != wanted) {
            server?.stop()
            startServer(serverProperties)
        }
        def run = new LifecycleRun(label: label, seed: seed, userCount: users, api: api, files: files, dataDir: dataDir,
                killServer: { server.kill() },
                restartServer: { startServer(serverProperties) },
                serverAlive: { server.alive as boolean })
        run.secrets = extraSecrets
        run
    }

    private static Map<String, Integer> sum(List<LifecycleRun> runs) {
        Map<String, Integer> total = new TreeMap<>()
        runs.each { run -> run.counts.each { key, n -> total.merge(key, n, Integer::sum) } }
        total
    }

    /** A void method, so Spock does not render its argument (the run holds passwords and tokens). */
    private static void noViolations(LifecycleRun failed) {
        if (failed != null) {
            String report = failed.report()
            println "${failed}: the steps up to the first violation (seed ${failed.seed}):"
            failed.stepsSoFar().each { println "  ${it}" }
            println report
            throw new AssertionError(report)
        }
    }
}
