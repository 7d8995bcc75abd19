package dev.researchvault.adapter.persistence.search

import dev.researchvault.adapter.persistence.support.MigrationSpec

/**
 * V9__search.sql on a vault that already holds research (with a report), chats, messages, agents and executions:
 * every one of them is in the index after the migration, and nothing else is.
 */
class SearchMigrationSpec extends MigrationSpec {

    List<List<String>> matches(String match) {
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
}
