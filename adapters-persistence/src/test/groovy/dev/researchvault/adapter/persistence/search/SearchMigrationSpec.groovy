package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.MigrationSpec

/**
 * V9__search.sql on a vault that already holds research (with a report), chats, messages, agents and executions:
 * every one of them is in the index after the migration, and nothing else is. V10__search_write_cost.sql on an
 * indexed vault: every row learns its entry's id, and the rewritten triggers keep the index right from then on.
 * V11__search_merge_off_writes.sql on an indexed V10 vault: writes stop merging segments, the index is unchanged,
 * and running the script again changes nothing. V12__search_backlog.sql on an indexed V11 vault: the index and its
 * entries are untouched and nothing is queued; from then on writes queue their items (SearchBacklogSpec shows that
 * applying the queue gives V11's index).
 */
class SearchMigrationSpec extends MigrationSpec {

    /** The items the index matches, once the writes' queue is applied (V12 on), as a search applies it first. */
    List<List<String>> matches(String match) {
        if (single("SELECT count(*) FROM sqlite_master WHERE name = 'search_pending'") == 1) {
            SearchBacklog.applyAll(vault.connection)
        }
        vault.connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery("SELECT e.kind, e.item_id FROM search_text JOIN search_entry e"
                    + " ON e.id = search_text.rowid WHERE search_text MATCH '$match' ORDER BY e.kind, e.item_id")
            List<List<String>> found = []
            while (result.next()) {
                found << [result.getString(1), result.getString(2)]
            }
            found
        }
    }

    def "a vault's existing items are indexed by the migration, each by its own text"() {
        given: 'a vault at V8 with one item of every kind'
        migrateTo('8')
        run("INSERT INTO research (id, query, mode, status, title, created_at) VALUES ('r1', 'photon entanglement', 'quick', 'completed', NULL, '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO research_report (research_id, content, format, version, updated_at) VALUES ('r1', 'a report on Bell tests', 'markdown', 1, '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'the Smith paper, résumé', '[]', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO agent (id, name, description, model, active, parameters, created_at, updated_at) VALUES ('a1', 'Summariser', 'condenses papers', 'm', 1, '{}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO document (id, title, mime, size, sha256, status, created_at, updated_at) VALUES ('d1', 'Bell paper', 'application/pdf', 3, 'x', 'completed', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO document_text (document_id, text) VALUES ('d1', 'extracted decoherence')")
        run("INSERT INTO writing_session (id, title, created_at, updated_at) VALUES ('s1', 'essay', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO draft (id, session_id, title, version, created_at, updated_at) VALUES ('f1', 's1', 'Intro', 2, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 1, 'Intro', 'old wording', 11, '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 2, 'Intro', 'new entropy', 11, '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO agent_execution (id, agent_id, agent_name, status, input, output, model, created_at) VALUES ('x1', 'a1', 'Summariser', 'completed', 'summarise Smith', 'it says hello', 'm', '2026-11-01T00:00:00.000Z')")

        when:
        migrateTo('latest')

        then:
        matches('photon') == [['research', 'r1']]
        matches('reading') == [['chat', 'c1']]
        matches('resume') == [['message', 'm1']]
        matches('condenses') == [['agent', 'a1']]
        matches('hello') == [['execution', 'x1']]
        matches('smith') == [['execution', 'x1'], ['message', 'm1']]
        matches('summariser') == [['agent', 'a1'], ['execution', 'x1']]
        matches('decoherence') == [['document', 'd1']]
        matches('bell') == [['document', 'd1'], ['research', 'r1']]
        matches('entropy') == [['draft', 'f1']]
        matches('wording').isEmpty()
    }

    def "V10 gives every indexed row its entry's id, and later writes keep the index exact"() {
        given: 'a vault at V9 with one item of every kind, indexed by V9'
        migrateTo('9')
        run("INSERT INTO research (id, query, mode, status, title, created_at) VALUES ('r1', 'photon entanglement', 'quick', 'completed', NULL, '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'the Smith paper', '[]', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m2', 'c1', 'user', 'second thought', '[]', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO agent (id, name, description, model, active, parameters, created_at, updated_at) VALUES ('a1', 'Summariser', 'condenses papers', 'm', 1, '{}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO agent_execution (id, agent_id, agent_name, status, input, output, model, created_at) VALUES ('x1', 'a1', 'Summariser', 'completed', 'summarise Smith', 'it says hello', 'm', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO document (id, title, mime, size, sha256, status, created_at, updated_at) VALUES ('d1', 'Bell paper', 'application/pdf', 3, 'x', 'completed', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO writing_session (id, title, created_at, updated_at) VALUES ('s1', 'essay', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO draft (id, session_id, title, version, created_at, updated_at) VALUES ('f1', 's1', 'Intro', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 1, 'Intro', 'old wording', 11, '2026-11-01T00:00:00.000Z')")

        when:
        migrateTo('10')

        then: 'each row holds the id of its own entry, and the unique index is gone'
        ['research': 'research', 'chat': 'chat', 'chat_message': 'message', 'agent': 'agent',
         'agent_execution': 'execution', 'document': 'document', 'draft': 'draft'].every { table, kind ->
            single("SELECT count(*) FROM $table t LEFT JOIN search_entry e ON e.id = t.search_id"
                    + " AND e.kind = '$kind' AND e.item_id = t.id WHERE e.id IS NULL") == 0
        }
        single("SELECT count(*) FROM sqlite_master WHERE name = 'idx_search_entry_item'") == 0

        when: 'every kind of write after the migration'
        run("UPDATE research SET title = 'Bell inequalities' WHERE id = 'r1'")
        run("INSERT INTO research_report (research_id, content, format, version, updated_at) VALUES ('r1', 'a report on loopholes', 'markdown', 1, '2026-11-02T00:00:00.000Z')")
        run("UPDATE chat SET title = 'Journal club' WHERE id = 'c1'")
        run("UPDATE chat_message SET content = 'the Jones paper', edited_at = '2026-11-02T00:00:00.000Z' WHERE id = 'm1'")
        run("DELETE FROM chat_message WHERE id = 'm2'")
        run("UPDATE agent SET name = 'Condenser', updated_at = '2026-11-02T00:00:00.000Z' WHERE id = 'a1'")
        run("UPDATE agent_execution SET output = 'it says goodbye' WHERE id = 'x1'")
        run("INSERT INTO document_text (document_id, text) VALUES ('d1', 'extracted decoherence')")
        run("INSERT INTO draft_version (draft_id, version, title, content, length, created_at) VALUES ('f1', 2, 'Intro', 'new entropy', 11, '2026-11-02T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m3', 'c1', 'user', 'a fresh message', '[]', '2026-11-03T00:00:00.000Z')")

        then:
        matches('inequalities') == [['research', 'r1']]
        matches('loopholes') == [['research', 'r1']]
        matches('journal') == [['chat', 'c1']]
        matches('reading').isEmpty()
        matches('jones') == [['message', 'm1']]
        matches('thought').isEmpty()
        matches('condenser') == [['agent', 'a1']]
        matches('goodbye') == [['execution', 'x1']]
        matches('hello').isEmpty()
        matches('decoherence') == [['document', 'd1']]
        matches('entropy') == [['draft', 'f1']]
        matches('wording').isEmpty()
        matches('fresh') == [['message', 'm3']]
        single("SELECT count(*) FROM search_entry WHERE kind = 'message' AND item_id = 'm1'"
                + " AND updated_at = '2026-11-02T00:00:00.000Z'") == 1

        when: 'everything is deleted, a chat with its messages by the cascade'
        run('DELETE FROM chat')
        run('DELETE FROM research')
        run('DELETE FROM agent_execution')
        run('DELETE FROM agent')
        run('DELETE FROM document')
        run('DELETE FROM draft')

        then: 'no entry and no indexed row is left, and FTS5 finds its index consistent'
        single('SELECT count(*) FROM search_entry') == 0
        single('SELECT count(*) FROM search_text') == 0
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'smith OR jones OR summarise OR bell'") == 0

        when: 'FTS5 checks its index against what it holds'
        run("INSERT INTO search_text (search_text) VALUES ('integrity-check')")

        then:
        noExceptionThrown()
    }

    def "V11 takes segment merges out of the writes of a V10 vault, and changes nothing when run again"() {
        given: 'a vault at V10 with indexed messages'
        migrateTo('10')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'the Smith paper', '[]', '2026-11-01T00:00:00.000Z')")
        def indexedBefore = single('SELECT count(*) FROM search_text_data')

        when:
        migrateTo('11')

        then: 'FTS5 no longer merges in writes, a crisis at 16 segments a level still does, and the index is as it was'
        settings() == [automerge: 0L, crisismerge: 16L]
        single('SELECT count(*) FROM search_text_data') == indexedBefore
        matches('smith') == [['message', 'm1']]

        when: 'writes after the migration, each its own transaction'
        def segmentsBefore = segments()
        (2..13).each { n ->
            run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m$n', 'c1', 'user', 'note $n on entanglement', '[]', '2026-11-02T00:00:00.000Z')")
        }

        then: 'each left its own segment, and every one is found'
        segments() == segmentsBefore + 12
        matches('entanglement').size() == 12

        when: 'the script runs again'
        getClass().getResource('/db/vault/V11__search_merge_off_writes.sql').text.readLines()
                .findAll { !it.startsWith('--') }.join('\n').split(';').findAll { it.trim() }.each { run(it) }

        then:
        settings() == [automerge: 0L, crisismerge: 16L]
        segments() == segmentsBefore + 12

        when:
        run("INSERT INTO search_text (search_text) VALUES ('integrity-check')")

        then:
        noExceptionThrown()
    }

    def "V12 leaves an indexed V11 vault's index as it was, queues nothing, and later writes queue their items"() {
        given: 'a vault at V11 with a chat and two messages, indexed in the writes'
        migrateTo('11')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'Reading group', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m1', 'c1', 'user', 'the Smith paper', '[]', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m2', 'c1', 'user', 'second thought', '[]', '2026-11-01T00:00:00.000Z')")
        def dataBefore = single('SELECT count(*) FROM search_text_data')

        when:
        migrateTo('latest')

        then:
        single('SELECT count(*) FROM search_pending') == 0
        single('SELECT count(*) FROM search_text_data') == dataBefore
        single("SELECT count(*) FROM search_text WHERE search_text MATCH 'smith'") == 1

        when: 'an edit, a removal and a new message'
        run("UPDATE chat_message SET content = 'the Jones paper' WHERE id = 'm1'")
        run("DELETE FROM chat_message WHERE id = 'm2'")
        run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m3', 'c1', 'user', 'a fresh message', '[]', '2026-11-02T00:00:00.000Z')")

        then: "queued, the index itself untouched until applied: two ids, as the new message took m2's freed one"
        single('SELECT count(*) FROM search_pending') == 2
        single('SELECT count(*) FROM search_text_data') == dataBefore
        matches('jones') == [['message', 'm1']]
        matches('smith').isEmpty()
        matches('thought').isEmpty()
        matches('fresh') == [['message', 'm3']]
        single('SELECT count(*) FROM search_pending') == 0
    }

    Map<String, Long> settings() {
        [automerge  : single("SELECT v FROM search_text_config WHERE k = 'automerge'"),
         crisismerge: single("SELECT v FROM search_text_config WHERE k = 'crisismerge'")]
    }

    long segments() {
        single('SELECT count(DISTINCT segid) FROM search_text_idx')
    }
}
