package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchFilter
import dev.researchvault.domain.research.ResearchRepository
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong
import java.util.function.LongBinaryOperator
import java.util.function.Supplier

/**
 * A research read by id is answered again from memory while nothing else used the vault's file ({@link PointReads}),
 * on a real encrypted vault: every change, however it is made, is read at once, and a random mix of concurrent
 * writes, reads and idle work never lets a reader see a research older than one whose write was acknowledged
 * before the read began.
 */
class PointReadsSpec extends Specification {

    // The idle sweep's upkeep (once a second) is a use of the file too: off, so that what is kept stays kept here.
    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start(['vault.close-idle-connections-after': '0s'])

    @AutoCleanup('shutdownNow')
    def threads = Executors.newFixedThreadPool(8)

    ResearchRepository repository = fixture.bean(ResearchRepository)
    Transactions transactions = fixture.bean(Transactions)
    OpenVaults openVaults = fixture.bean(OpenVaults)
    PersistenceFixture.UserVault vault = fixture.newVault()

    def 'a research read again while nothing used the file is answered from memory, as it was read'() {
        given:
        def stored = added('polled')

        when:
        def first = read(stored.id())
        def again = read(stored.id())

        then:
        first.get() == stored
        again.get() == stored
        givenAgain() == 1
    }

    def 'a change through a transaction is read at once'() {
        given:
        def stored = readOnce(added('before'))

        when:
        inTransaction { repository.update(stored.withTitle('after')) }

        then:
        read(stored.id()).get().title() == 'after'
        givenAgain() == 0
    }

    def 'a change made with plain SQL through the vault is read at once'() {
        given:
        def stored = readOnce(added('before'))

        when:
        fixture.inVault(vault) {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable {
                    it.executeUpdate("UPDATE research SET title = 'behind' WHERE id = '${stored.id()}'")
                }
            }
        }

        then:
        read(stored.id()).get().title() == 'behind'
    }

    def 'a deleted research is not found, though it was kept'() {
        given:
        def stored = readOnce(added('doomed'))

        when:
        inTransaction { repository.delete(stored.id()) }

        then:
        read(stored.id()).isEmpty()
    }

    def 'a read inside a transaction reads the file, and sees the transaction own change'() {
        given:
        def stored = readOnce(added('before'))

        expect:
        inTransaction {
            repository.update(stored.withTitle('inside'))
            repository.find(stored.id()).get().title()
        } == 'inside'
        givenAgain() == 0
    }

    def 'any other use of the file makes what was kept stale: the next read reads the file'() {
        given:
        def stored = readOnce(added('listed'))

        when: 'a list only reads, but a use is a use'
        fixture.inVault(vault) { repository.list(ResearchFilter.all(), new PageRequest(0, 10)) }
        read(stored.id())

        then:
        givenAgain() == 0

        when:
        read(stored.id())

        then:
        givenAgain() == 1
    }

    def 'a read without waiting (on an event loop) is answered from memory too'() {
        given:
        def stored = readOnce(added('looped'))

        when:
        def answered = fixture.inVault(vault) { openVaults.attempt({ repository.find(stored.id()) } as Supplier) }

        then:
        answered.get().get() == stored
        givenAgain() == 1
    }

    def 'closing the vault drops what it kept'() {
        given:
        def stored = readOnce(added('closing'))
        OpenVault open = fixture.inVault(vault) { CurrentVault.find().get() }

        when:
        openVaults.closeRequested(vault.user)

        then:
        open.awaitClosed(5_000)
        open.pointReads().isEmpty()
        read(stored.id()).get() == stored
    }

    def 'random concurrent writes, reads and idle work: no read sees a research older than an acknowledged write'() {
        given: 'three research whose title counts their writes; acknowledged[i] is the last write whose call returned'
        def ids = (0..<3).collect { added('v0').id() }
        def acknowledged = new ConcurrentHashMap<UUID, AtomicLong>(ids.collectEntries { [it, new AtomicLong()] })
        def violations = new ConcurrentHashMap<String, Boolean>().keySet(true)
        def stop = new AtomicBoolean()
        def reads = new AtomicLong()
        def start = new CountDownLatch(1)

        when:
        def writers = (0..<2).collect { writer ->
            threads.submit {
                def random = new Random(writer)
                start.await()
                200.times {
                    def id = ids[random.nextInt(ids.size())]
                    long written = random.nextBoolean() ? writeInTransaction(id) : writeInAutocommit(id)
                    acknowledged[id].accumulateAndGet(written, { a, b -> Math.max(a, b) } as LongBinaryOperator)
                    // Quiet moments between writes, so that kept answers are given between writes, not only after.
                    Thread.sleep(random.nextInt(3))
                }
            }
        }
        def readers = (0..<4).collect { reader ->
            threads.submit {
                def random = new Random(100 + reader)
                def lastSeen = [:]
                start.await()
                while (!stop.get()) {
                    def id = ids[random.nextInt(ids.size())]
                    long floor = acknowledged[id].get()
                    def choice = random.nextInt(20)
                    if (choice == 0) {
                        fixture.inVault(vault) { repository.list(ResearchFilter.all(), new PageRequest(0, 5)) }
                        continue
                    }
                    if (choice == 1) {
                        openVaults.closeIdleConnections(Duration.ZERO)
                        continue
                    }
                    def found = choice == 2
                            ? fixture.inVault(vault) { openVaults.attempt({ repository.find(id) } as Supplier) }
                                    .flatMap { it }
                            : read(id)
                    if (found.isEmpty()) {
                        continue // an attempt that would have waited
                    }
                    long seen = version(found.get())
                    reads.incrementAndGet()
                    if (seen < floor) {
                        violations << "reader $reader saw v$seen of $id after v$floor was acknowledged"
                    }
                    if (seen < (lastSeen[id] ?: 0L)) {
                        violations << "reader $reader saw v$seen of $id after it had seen v${lastSeen[id]}"
                    }
                    lastSeen[id] = seen
                }
            }
        }
        long keptBefore = givenAgain()
        start.countDown()
        writers*.get(120, TimeUnit.SECONDS)
        def keptWhileWriting = givenAgain() - keptBefore
        def keptBeforeQuiet = givenAgain()
        stop.set(true)
        readers*.get(30, TimeUnit.SECONDS)

        then: 'the last acknowledged write of each is what a read gives, from the file and then from memory'
        violations.isEmpty()
        keptWhileWriting > 0
        ids.every { read(it).map(this::version).get() == acknowledged[it].get() }
        ids.every { read(it).map(this::version).get() == acknowledged[it].get() }
        reads.get() > 400
        givenAgain() > keptBeforeQuiet
    }

    // Writers of one vault take their turn, so a transaction's read of the title and its write are one step.
    private long writeInTransaction(UUID id) {
        inTransaction {
            def current = repository.find(id).get()
            long next = version(current) + 1
            repository.update(current.withTitle("v$next"))
            next
        }
    }

    // An autocommit UPDATE of its own, outside any transaction: the title's next count computed by SQLite itself.
    private long writeInAutocommit(UUID id) {
        fixture.inVault(vault) {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.createStatement().withCloseable {
                    def rows = it.executeQuery("UPDATE research SET title = 'v' || (CAST(substr(title, 2) AS INTEGER) + 1) "
                            + "WHERE id = '$id' RETURNING CAST(substr(title, 2) AS INTEGER)")
                    rows.next()
                    long next = rows.getLong(1)
                    rows.close()
                    next
                }
            }
        }
    }

    private static long version(Research research) {
        research.title().substring(1) as long
    }

    private Research added(String title) {
        def research = Research.create(UUID.randomUUID(), 'what changed?', 'quick',
                Instant.now().truncatedTo(ChronoUnit.MILLIS)).withTitle(title)
        inTransaction { repository.add(research) }
        research
    }

    /** {@code research} after one read of it, which keeps it in memory. */
    private Research readOnce(Research research) {
        assert read(research.id()).get() == research
        research
    }

    private Optional<Research> read(UUID id) {
        fixture.inVault(vault) { repository.find(id) }
    }

    private <T> T inTransaction(Closure<T> work) {
        fixture.inVault(vault) { transactions.inTransaction(work as Supplier<T>) }
    }

    private long givenAgain() {
        fixture.inVault(vault) { CurrentVault.find().get().pointReads().get().givenAgain() }
    }
}
