package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.MigrationSpec

/**
 * V8__writing.sql on a vault that already has research and chats (written at V6): every value and rowid stays,
 * research reads {@code chat_id} NULL (started from no chat), and the writing session counter starts at zero.
 */
class WritingMigrationSpec extends MigrationSpec {

    List<List<Object>> all(String sql) {
        vault.connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery(sql)
            int columns = result.metaData.columnCount
            List<List<Object>> rows = []
            while (result.next()) {
                rows << (1..columns).collect { result.getObject(it) }
            }
            rows
        }
    }

    def "a V6 vault's research and chats keep every value, research from no chat, sessions counted from zero"() {
        given:
        migrateTo('6')
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c1', 'chat', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')")
        run("INSERT INTO research (id, query, mode, status, title, progress, created_at, metadata, prompt_tokens, completion_tokens) VALUES ('r1', 'q', 'quick', 'pending', 'T', 0, '2026-11-01T00:00:00.000Z', '{}', 5, 2)")
        run("INSERT INTO research (id, query, mode, status, created_at) VALUES ('r2', 'q2', 'quick', 'pending', '2026-11-02T00:00:00.000Z')")
        def research = all('SELECT rowid, * FROM research ORDER BY rowid')
        def chats = all('SELECT rowid, * FROM chat ORDER BY rowid')

        when: 'migrated to V8 (V10 adds a column of its own to both tables, SearchMigrationSpec)'
        migrateTo('8')

        then:
        all('SELECT rowid, * FROM research ORDER BY rowid').collect { it.dropRight(1) } == research
        all('SELECT chat_id FROM research') == [[null], [null]]
        all('SELECT rowid, * FROM chat ORDER BY rowid') == chats
        all("SELECT row_count FROM row_count WHERE table_name = 'writing_session'") == [[0]]
    }
}
