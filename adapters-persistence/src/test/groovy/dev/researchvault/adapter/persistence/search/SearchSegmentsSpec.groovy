package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.MigrationSpec
import dev.researchvault.adapter.persistence.support.TurnHeldElsewhere

import java.util.concurrent.locks.ReentrantLock

/**
 * The idle merge of the search index (SearchSegments): it merges what the writes left unmerged, keeps every item
 * findable and the index consistent, stops when nothing is left, and never takes the writer turn from a writer.
 */
class SearchSegmentsSpec extends MigrationSpec {

    ReentrantLock writerTurn = new ReentrantLock(true)

    def setup() {
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        (1..12).each { n ->
            run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m$n', 'c1', 'user', 'note $n on entanglement', '[]', '2026-11-02T00:00:00.000Z')")
            // Each write's queue applied alone, a transaction each, as a search after every write would.
            SearchBacklog.applyAll(vault.connection)
        }
    }

    long segments() {
        single('SELECT count(DISTINCT segid) FROM search_text_idx')
    }

    def "an idle merge merges the segments the writes left, and a second finds nothing to do"() {
        given: 'a segment per write'
        def before = segments()
        assert before >= 12

        when:
        def steps = SearchSegments.mergeWhileIdle(vault.connection, writerTurn)

        then:
        steps >= 1
        segments() < 4
        !writerTurn.locked
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'entanglement'") == 12
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'reading'") == 1

        when: 'FTS5 checks its index, and the next idle time comes'
        run("INSERT INTO search_text (search_text) VALUES ('integrity-check')")

        then:
        SearchSegments.mergeWhileIdle(vault.connection, writerTurn) == 0
    }

    def "while a writer holds the file's turn, nothing is merged"() {
        given: 'a writer holds the turn on another thread'
        def writer = new TurnHeldElsewhere(writerTurn)
        def before = segments()

        expect:
        SearchSegments.mergeWhileIdle(vault.connection, writerTurn) == 0
        segments() == before

        cleanup:
        writer.close()
    }

    def "an idle merge on a file without the index fails quietly"() {
        given:
        run('DROP TABLE search_text')

        expect:
        SearchSegments.mergeWhileIdle(vault.connection, writerTurn) == 0
        !writerTurn.locked
    }
}
