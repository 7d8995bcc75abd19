package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.MigrationSpec
import dev.researchvault.adapter.persistence.support.PlainVaultFile
import dev.researchvault.adapter.persistence.support.TurnHeldElsewhere

import java.nio.file.Files
import java.util.concurrent.locks.ReentrantLock
import java.util.function.BooleanSupplier

/**
 * The search index's queue (V12__search_backlog.sql, SearchBacklog): writes queue their items and leave the index
 * alone; applying the queue rebuilds exactly the rows V11's triggers wrote inside the writes, a batch per
 * transaction, all or nothing per batch, and never takes the writer turn from a writer.
 */
class SearchBacklogSpec extends MigrationSpec {

    ReentrantLock writerTurn = new ReentrantLock(true)
    BooleanSupplier nobodyWaits = { false } as BooleanSupplier

    static final List<String> SEED = [
            "INSERT INTO research (id, query, mode, status, title, created_at) VALUES ('r1', 'photon entanglement', 'quick', 'completed', NULL, '2026-11-01T00:00:00.000Z')",
            "INSERT INTO research (id, query, mode, status, title, created_at) VALUES ('r2', 'dark matter', 'quick', 'completed', 'Halo', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO research_report (research_id, content, format, version, updated_at) VALUES ('r1', 'a report on Bell tests', 'markdown', 1, '2026-11-01T00:00:00.000Z')",
            "INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c2', 'Old chat', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'the Smith paper, résumé', '[]', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m2', 'c1', 'user', 'second thought', '[]', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m4', 'c2', 'user', 'gone with its chat', '[]', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO agent (id, name, description, model, active, parameters, created_at, updated_at) VALUES ('a1', 'Summariser', 'condenses papers', 'm', 1, '{}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO agent_execution (id, agent_id, agent_name, status, input, output, model, created_at) VALUES ('x1', 'a1', 'Summariser', 'running', 'summarise Smith', NULL, 'm', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO document (id, title, mime, size, sha256, status, created_at, updated_at) VALUES ('d1', 'Bell paper', 'application/pdf', 3, 'x', 'completed', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO document_text (document_id, text) VALUES ('d1', 'extracted decoherence')",
            "INSERT INTO document (id, title, mime, size, sha256, status, created_at, updated_at) VALUES ('d2', 'Spare', 'application/pdf', 3, 'y', 'completed', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO document_text (document_id, text) VALUES ('d2', 'spare text')",
            "INSERT INTO writing_session (id, title, created_at, updated_at) VALUES ('s1', 'essay', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO draft (id, session_id, title, version, created_at, updated_at) VALUES ('f1', 's1', 'Intro', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
            "INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 1, 'Intro', 'old wording', 11, '2026-11-01T00:00:00.000Z')",
            "INSERT INTO draft (id, session_id, title, version, created_at, updated_at) VALUES ('f2', 's1', 'Empty', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')"]

    /** Every kind of change: renames, upserts, edits, deletions (cascades too), an id freed and taken again. */
    static final List<String> WRITES = [
            "UPDATE research SET title = 'Bell inequalities' WHERE id = 'r1'",
            "UPDATE document SET title = 'Bell review', updated_at = '2026-11-02T00:00:00.000Z' WHERE id = 'd1'",
            // Upserts, as the adapters put reports and texts, of items already queued by the write before: the
            // upsert's conflict clause would replace an OR IGNORE in the trigger (V12__search_backlog.sql).
            "INSERT INTO research_report (research_id, content, format, version, updated_at) VALUES ('r1', 'a report on loopholes', 'markdown', 2, '2026-11-02T00:00:00.000Z')"
                    + " ON CONFLICT (research_id) DO UPDATE SET content = excluded.content, version = excluded.version",
            "INSERT INTO document_text (document_id, text) VALUES ('d1', 'extracted coherence')"
                    + " ON CONFLICT (document_id) DO UPDATE SET text = excluded.text",
            "DELETE FROM research WHERE id = 'r2'",
            "UPDATE chat SET title = 'Journal club' WHERE id = 'c1'",
            "UPDATE chat_message SET content = 'the Jones paper', edited_at = '2026-11-02T00:00:00.000Z' WHERE id = 'm1'",
            "DELETE FROM chat_message WHERE id = 'm2'",
            "DELETE FROM chat WHERE id = 'c2'",
            "UPDATE agent SET name = 'Condenser', description = NULL, updated_at = '2026-11-02T00:00:00.000Z' WHERE id = 'a1'",
            "UPDATE agent_execution SET output = 'it says goodbye', completed_at = '2026-11-02T00:00:00.000Z' WHERE id = 'x1'",
            "DELETE FROM document WHERE id = 'd2'",
            "INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 2, 'Introduction', 'new entropy', 11, '2026-11-02T00:00:00.000Z')",
            // The largest entry id is freed by a deletion; SQLite gives it to the next new item.
            "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m5', 'c1', 'user', 'short lived', '[]', '2026-11-03T00:00:00.000Z')",
            "DELETE FROM chat_message WHERE id = 'm5'",
            "INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m3', 'c1', 'user', 'a fresh message', '[]', '2026-11-03T00:00:00.000Z')"]

    /** The whole index: every row with its entry's item, and how many rows it has (none without an entry). */
    static Map index(PlainVaultFile file) {
        file.connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery("SELECT e.kind, e.item_id, e.updated_at, t.title, t.body FROM search_text t"
                    + " JOIN search_entry e ON e.id = t.rowid ORDER BY e.kind, e.item_id")
            def rows = []
            while (result.next()) {
                rows << (1..5).collect { result.getString(it) }
            }
            [rows: rows, count: file.single('SELECT count(*) FROM search_text'),
             entries: file.single('SELECT count(*) FROM search_entry')]
        }
    }

    def "applied, the queue leaves the index exactly as V11's triggers left it within the writes"() {
        given: 'the same items and writes in a V11 vault (indexed inside each write) and in this one (V12, queued)'
        def inline = new PlainVaultFile(Files.createDirectories(dir.resolve('v11')))
        inline.migrateTo('11')
        migrateTo('latest')
        [inline, vault].each { file -> SEED.each { file.run(it) } }
        SearchBacklog.applyAll(connection)
        def indexedBefore = index(vault)
        assert indexedBefore == index(inline)

        when:
        [inline, vault].each { file -> WRITES.each { file.run(it) } }
        def queued = single('SELECT count(*) FROM search_pending')

        then: 'queued: the index is as it was, but for the entries of removed items, which go with the write'
        queued == 13 // each changed item's id once: r1 r2 c1 c2 m1 m2 m4 m5 (m3 took its freed id) a1 x1 d1 d2 f1
        index(vault).count == indexedBefore.count
        index(vault).rows*.subList(3, 5) == indexedBefore.rows*.subList(3, 5) - [['Halo', 'dark matter'],
                ['Old chat', ''], ['', 'gone with its chat'], ['', 'second thought'], ['Spare', 'spare text']]

        when:
        def applied = SearchBacklog.applyAll(connection)

        then: 'the same rows as the V11 vault, none left over, nothing queued'
        applied == queued
        index(vault) == index(inline)
        index(vault).count == index(vault).entries
        single('SELECT count(*) FROM search_pending') == 0
        index(vault).rows.find { it[1] == 'm3' }[4] == 'a fresh message'
        index(vault).rows.find { it[1] == 'f2' }[3..4] == ['Empty', '']

        when: 'FTS5 checks its index against its content'
        run("INSERT INTO search_text (search_text) VALUES ('integrity-check')")

        then:
        notThrown(Exception)

        cleanup:
        inline?.close()
    }

    def "the queue is applied a batch per transaction, oldest first"() {
        given: "#messages messages written in one transaction: a chat's id and theirs queued"
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $messages)"
                + " INSERT INTO chat_message (id, chat_id, role, content, files, created_at)"
                + " SELECT 'm' || i, 'c1', 'user', 'note ' || i || ' on entanglement', '[]', '2026-11-02T00:00:00.000Z' FROM n")

        when:
        run('BEGIN IMMEDIATE')
        def first = SearchBacklog.applyBatch(connection)
        run('COMMIT')

        then:
        first == Math.min(messages + 1, SearchBacklog.BATCH)
        single('SELECT count(*) FROM search_pending') == messages + 1 - first
        single('SELECT min(search_id) FROM search_pending') == (messages + 1 > first ? first + 1 : 0)

        when:
        def rest = SearchBacklog.applyAll(connection)

        then:
        rest == messages + 1 - first
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'entanglement'") == messages
        single('SELECT count(*) FROM search_pending') == 0

        where:
        messages << [1, SearchBacklog.BATCH - 1, SearchBacklog.BATCH * 2 + 10]
    }

    def "a batch that fails changes nothing: the index and the queue stay as they were"() {
        given:
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'entanglement', '[]', '2026-11-02T00:00:00.000Z')")
        and: 'the last step of a batch, taking its ids off the queue, fails'
        run("CREATE TEMP TRIGGER fail_dequeue BEFORE DELETE ON search_pending BEGIN SELECT RAISE(ABORT, 'disk gone'); END")

        when:
        SearchBacklog.applyAll(connection)

        then:
        thrown(java.sql.SQLException)
        connection.autoCommit
        single('SELECT count(*) FROM search_pending') == 2
        single('SELECT count(*) FROM search_text') == 0

        when: 'and once it works again'
        run('DROP TRIGGER fail_dequeue')

        then:
        SearchBacklog.applyAll(connection) == 2
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'entanglement'") == 1
    }

    def "in the background: nothing while a writer holds the turn, and it stops for a writer that queues"() {
        given: 'three batches queued'
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SearchBacklog.BATCH * 3})"
                + " INSERT INTO chat_message (id, chat_id, role, content, files, created_at)"
                + " SELECT 'm' || i, 'c1', 'user', 'note ' || i, '[]', '2026-11-02T00:00:00.000Z' FROM n")
        def queued = single('SELECT count(*) FROM search_pending')
        and: 'a writer holds the turn on another thread'
        def writer = new TurnHeldElsewhere(writerTurn)

        expect: 'nothing applied while it holds the turn'
        SearchBacklog.applyWhileInUse(connection, writerTurn, nobodyWaits) == 0
        single('SELECT count(*) FROM search_pending') == queued

        when: 'the writer is done'
        writer.close()

        then: 'all of it, a batch per turn, and the turn is free again'
        SearchBacklog.applyWhileInUse(connection, writerTurn, nobodyWaits) == queued
        !writerTurn.locked
        single('SELECT count(*) FROM search_pending') == 0
    }

    def "in the background at most #SearchBacklog.MAX_BATCHES batches a call, and none once a request waits for a connection"() {
        given: 'more than that many batches queued'
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SearchBacklog.BATCH * (SearchBacklog.MAX_BATCHES + 2)})"
                + " INSERT INTO chat_message (id, chat_id, role, content, files, created_at)"
                + " SELECT 'm' || i, 'c1', 'user', 'note ' || i, '[]', '2026-11-02T00:00:00.000Z' FROM n")
        def queued = single('SELECT count(*) FROM search_pending')
        int asked = 0
        def waitsFromThirdBatch = { ++asked > 2 } as BooleanSupplier

        expect: 'a call applies its bound, the next the rest'
        SearchBacklog.applyWhileIdle(connection, writerTurn, nobodyWaits) == SearchBacklog.BATCH * SearchBacklog.MAX_BATCHES
        SearchBacklog.applyWhileIdle(connection, writerTurn, nobodyWaits) == queued - SearchBacklog.BATCH * SearchBacklog.MAX_BATCHES
        single('SELECT count(*) FROM search_pending') == 0

        when: 'more queued, and a request waits for a connection from the third batch on'
        run("UPDATE chat_message SET content = content || ' edited'")

        then: 'two batches, then it gives way'
        SearchBacklog.applyWhileInUse(connection, writerTurn, waitsFromThirdBatch) == SearchBacklog.BATCH * 2
        !writerTurn.locked
    }

    def "in the background a queue smaller than a batch waits for a search or for idle time"() {
        given:
        migrateTo('latest')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")

        expect:
        SearchBacklog.applyWhileInUse(connection, writerTurn, nobodyWaits) == 0
        single('SELECT count(*) FROM search_pending') == 1
        SearchBacklog.applyWhileIdle(connection, writerTurn, nobodyWaits) == 1
        single('SELECT count(*) FROM search_pending') == 0
    }
}
