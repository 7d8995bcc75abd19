package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.MigrationSpec

/**
 * V6__agents_and_usage.sql on a vault that already has chats, messages and research (written at V5): their
 * rows keep every value they had, every column V6 adds is NULL in them, and the new lists start counted at
 * zero. (That NULL columns read back as before through the adapters is shown by the repository specs, on rows
 * inserted with the old columns only.)
 */
class AgentsAndUsageMigrationSpec extends MigrationSpec {

    /** Every row of {@code table} in rowid order, as column → value, the rowid included (cursors carry it). */
    List<Map<String, Object>> rows(String table, List<String> columns) {
        vault.connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery("SELECT rowid, ${columns.join(', ')} FROM $table ORDER BY rowid")
            List<Map<String, Object>> all = []
            while (result.next()) {
                all << (['rowid'] + columns).collectEntries { [(it): result.getObject(it)] }
            }
            all
        }
    }

    /** The row_count table (WITHOUT ROWID) as table → count. */
    Map<String, Long> counters() {
        vault.connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery('SELECT table_name, row_count FROM row_count')
            Map<String, Long> counts = [:]
            while (result.next()) {
                counts[result.getString(1)] = result.getLong(2)
            }
            counts
        }
    }

    static final Map<String, List<String>> V5_COLUMNS = [
            chat        : ['id', 'title', 'created_at', 'updated_at'],
            chat_message: ['id', 'chat_id', 'role', 'content', 'files', 'created_at'],
            research    : ['id', 'query', 'mode', 'status', 'title', 'progress', 'created_at', 'started_at', 'completed_at',
                           'metadata']]
    static final Map<String, List<String>> V6_COLUMNS = [
            chat        : ['agent_id', 'agent_name'],
            chat_message: ['model', 'sources', 'metadata', 'prompt_tokens', 'completion_tokens', 'cost_micros', 'edited_at'],
            research    : ['prompt_tokens', 'completion_tokens', 'cost_micros']]

    def "a V5 vault's chats, messages and research keep every value, with NULL in the new columns"() {
        given: 'a vault at V5 with rows of every kind, one of them deleted so that rowids have a gap'
        migrateTo('5')
        (1..3).each { run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c$it', 'chat $it', '2026-11-0${it}T00:00:00.000Z', '2026-11-0${it}T01:00:00.000Z')") }
        (1..5).each { run("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('m$it', 'c${it % 3 + 1}', '${it % 2 ? 'user' : 'assistant'}', 'text ✓ $it', '[{\"index\":0,\"name\":\"f$it\"}]', '2026-11-01T00:00:0${it}.000Z')") }
        run("INSERT INTO research (id, query, mode, status, title, progress, created_at, started_at, metadata) VALUES ('r1', 'q', 'quick', 'in_progress', 'T', 40, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z', '{\"a\":[1,2]}')")
        run("INSERT INTO research (id, query, mode, status, created_at) VALUES ('r2', 'q2', 'detailed', 'pending', '2026-11-02T00:00:00.000Z')")
        run("DELETE FROM chat_message WHERE id = 'm2'")
        def before = V5_COLUMNS.collectEntries { table, columns -> [(table): rows(table, columns)] }

        when:
        migrateTo('latest')

        then:
        V5_COLUMNS.collectEntries { table, columns -> [(table): rows(table, columns)] } == before
        V6_COLUMNS.every { table, columns -> rows(table, columns).every { row -> columns.every { row[it] == null } } }
        counters().subMap(['research', 'chat', 'agent', 'agent_execution']) == [research: 2, chat: 3, agent: 0, agent_execution: 0]
        // the counters of later migrations (writing sessions, V8) start at 0 too
        counters().findAll { table, count -> !(table in ['research', 'chat']) }.values().every { it == 0 }
    }
}
