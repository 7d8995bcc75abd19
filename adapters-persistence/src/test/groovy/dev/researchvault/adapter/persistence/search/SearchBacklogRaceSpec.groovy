package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.CurrentVault
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.adapter.persistence.vault.OpenVaults
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.search.SearchKind
import dev.researchvault.domain.search.SearchQuery
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.function.Supplier

/**
 * The search queue under concurrency, on a real encrypted vault: writers add, edit and delete messages (one at a
 * time and in batches larger than a queue batch), searchers search while they do, and the vault's upkeep applies the
 * queue in the background and closes idle connections (applying and merging first), all on random schedules. After
 * every search: a word whose write was acknowledged before the search began, and whose removal had not begun before
 * it ended, is found; a word whose removal was acknowledged before the search began is not. At the end every word is
 * found exactly when its message holds it, the queue is empty and FTS5 finds its index consistent.
 */
class SearchBacklogRaceSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    static final Instant T0 = Instant.parse('2026-11-26T00:00:00Z')

    /** When a word's write was acknowledged, when its removal (edit or delete) began and was acknowledged. */
    static class Word {
        final UUID message
        volatile long added = Long.MAX_VALUE
        volatile long removalBegan = Long.MAX_VALUE
        volatile long removed = Long.MAX_VALUE

        Word(UUID message) {
            this.message = message
        }
    }

    def vault = fixture.newVault()
    Map<String, Word> words = new ConcurrentHashMap<>()
    List<String> violations = new CopyOnWriteArrayList<>()

    def <T> T inVault(Closure<T> work) {
        fixture.inVault(vault, work)
    }

    def <T> T write(Closure<T> work) {
        inVault { fixture.bean(Transactions).inTransaction(work as Supplier<T>) }
    }

    Set<UUID> search(String word) {
        inVault {
            fixture.bean(SearchIndex).search(SearchQuery.parse(word), EnumSet.allOf(SearchKind), new PageRequest(0, 50))
                    .hits().items()*.id() as Set
        }
    }

    def "searches see every acknowledged write while writers, searchers and the upkeep race (seed #seed)"() {
        given:
        Chat chat = Chat.create(UUID.randomUUID(), 'race', T0)
        write { fixture.bean(ChatRepository).add(chat) }
        def threads = Executors.newFixedThreadPool(6)
        def upkeepDone = false

        when:
        def writers = (0..<3).collect { w -> threads.submit { writer(new Random(seed * 31 + w), w, chat) } }
        def searchers = (0..<2).collect { s -> threads.submit { searcher(new Random(seed * 17 + s)) } }
        def upkeep = threads.submit {
            def random = new Random(seed)
            while (!upkeepDone) {
                // Mostly the background upkeep of a vault in use; now and then an idle close (apply, merge, close).
                fixture.bean(OpenVaults).closeIdleConnections(random.nextInt(8) == 0 ? Duration.ZERO : Duration.ofHours(1))
                Thread.sleep(random.nextInt(5))
            }
        }
        (writers + searchers)*.get(5, TimeUnit.MINUTES)
        upkeepDone = true
        upkeep.get(1, TimeUnit.MINUTES)
        threads.shutdown()

        then: 'no search missed an acknowledged word or found a removed one'
        violations.empty

        and: 'at the end each word is found exactly when its message holds it'
        words.each { word, state ->
            def found = search(word)
            def held = state.removed == Long.MAX_VALUE
            if (found != (held ? [state.message] as Set : [] as Set)) {
                violations << "at the end: $word found ${found.size()} times, held: $held".toString()
            }
        }
        violations.empty

        and: 'nothing left queued, and FTS5 finds its index consistent'
        inVault { queueLength() } == 0
        inVault { checkIndex(); true }

        where:
        seed << [1, 2, 3]
    }

    def "a search with a long queue lets a writer in between its batches, and finds everything queued before it began"() {
        given: 'twelve batches queued by one large write'
        Chat chat = Chat.create(UUID.randomUUID(), 'import', T0)
        int count = SearchBacklog.BATCH * 12
        write {
            fixture.bean(ChatRepository).add(chat)
            (1..count).each { fixture.bean(ChatRepository).addMessage(message(chat, "imported note $it", it)) }
        }
        long queued = inVault { queueLength() }
        def threads = Executors.newFixedThreadPool(2)

        when: 'a search starts, and a writer comes as soon as the first batch is applied'
        def search = threads.submit({
            def total = inVault {
                fixture.bean(SearchIndex).search(SearchQuery.parse('imported'), EnumSet.allOf(SearchKind), new PageRequest(0, 5))
                        .hits().total()
            }
            [total, System.nanoTime()]
        } as java.util.concurrent.Callable)
        def writer = threads.submit({
            while (inVault { queueLength() } >= queued) {
                Thread.sleep(1)
            }
            write { fixture.bean(ChatRepository).addMessage(message(chat, 'written meanwhile', 0)) }
            System.nanoTime()
        } as java.util.concurrent.Callable)
        def (total, searchEnded) = search.get(1, TimeUnit.MINUTES)
        long writeEnded = writer.get(1, TimeUnit.MINUTES)
        threads.shutdown()

        then: 'the write was acknowledged before the search answered, and the search counted every queued message'
        writeEnded < searchEnded
        total == count
    }

    /** Adds, edits and deletes its own messages; a tenth of its steps write a batch of messages larger than a queue batch. */
    private void writer(Random random, int w, Chat chat) {
        List<Message> own = []
        int serial = 0
        60.times { step ->
            int choice = random.nextInt(10)
            if (choice == 0) {
                def batch = (1..SearchBacklog.BATCH + 20).collect { n ->
                    message(chat, "w${w}b${step}n${n}".toString(), step)
                }
                batch.each { words[it.content()] = new Word(it.id()) }
                write { batch.each { fixture.bean(ChatRepository).addMessage(it) } }
                long now = System.nanoTime()
                batch.each { words[it.content()].added = now }
                own.addAll(batch.take(3))
            } else if (choice < 6 || own.empty) {
                def m = message(chat, "w${w}s${serial++}".toString(), step)
                words[m.content()] = new Word(m.id())
                write { fixture.bean(ChatRepository).addMessage(m) }
                words[m.content()].added = System.nanoTime()
                own << m
            } else if (choice < 8) {
                def m = own.remove(random.nextInt(own.size()))
                def edited = m.edited("w${w}s${serial++}".toString(), T0.plusSeconds(step))
                words[edited.content()] = new Word(m.id())
                words[m.content()].removalBegan = System.nanoTime()
                write { fixture.bean(ChatRepository).updateMessage(edited) }
                long now = System.nanoTime()
                words[m.content()].removed = now
                words[edited.content()].added = now
                own << edited
            } else {
                def m = own.remove(random.nextInt(own.size()))
                words[m.content()].removalBegan = System.nanoTime()
                write { fixture.bean(ChatRepository).deleteMessage(m.id()) }
                words[m.content()].removed = System.nanoTime()
            }
        }
    }

    private void searcher(Random random) {
        150.times {
            def known = words.keySet() as List
            if (known.empty) {
                Thread.sleep(1)
                return
            }
            def word = known[random.nextInt(known.size())]
            def state = words[word]
            long began = System.nanoTime()
            def found = search(word)
            long ended = System.nanoTime()
            if (state.added < began && state.removalBegan > ended && !found.contains(state.message)) {
                violations << "missed $word, acknowledged ${(began - state.added) / 1_000_000} ms before the search".toString()
            }
            if (state.removed < began && found.contains(state.message)) {
                violations << "found $word, removed ${(began - state.removed) / 1_000_000} ms before the search".toString()
            }
        }
    }

    private static Message message(Chat chat, String word, int step) {
        new Message(UUID.randomUUID(), chat.id(), MessageRole.USER, word, [], T0.plusMillis(step))
    }

    /** How many ids are queued, read on a connection of the bound vault. */
    private static long queueLength() {
        CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
            connection.createStatement().withCloseable { statement ->
                statement.executeQuery('SELECT count(*) FROM search_pending').with { it.next(); it.getLong(1) }
            }
        }
    }

    /** FTS5's own check of its index against its content: throws if they differ. */
    private static void checkIndex() {
        CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
            connection.createStatement().withCloseable { it.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')") }
        }
    }
}
