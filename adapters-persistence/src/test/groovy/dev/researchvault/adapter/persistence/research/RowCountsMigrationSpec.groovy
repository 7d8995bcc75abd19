package dev.researchvault.adapter.persistence.research

import dev.researchvault.adapter.persistence.support.MigrationSpec

/**
 * V5__row_counts.sql: the counters start from the rows a vault already has and follow every insert and
 * delete, including a rolled-back one. (The list totals built on them are covered by the port contract specs.)
 */
class RowCountsMigrationSpec extends MigrationSpec {

    void addResearch(int n) {
        run("INSERT INTO research (id, query, mode, status, created_at) VALUES ('r$n', 'q', 'quick', 'pending', '2026-11-23T00:00:00.000Z')")
    }

    void addChat(int n) {
        run("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('c$n', 't', '2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00.000Z')")
    }

    long counted(String table) {
        single("SELECT row_count FROM row_count WHERE table_name = '$table'")
    }

    def "a vault that already has rows starts with their counts"() {
        given:
        migrateTo('4')
        (1..7).each { addResearch(it) }
        (1..3).each { addChat(it) }

        when:
        migrateTo('latest')

        then:
        counted('research') == 7
        counted('chat') == 3
    }

    def "inserts and deletes keep the counts equal to COUNT(*), and a rollback takes its change back"() {
        given:
        migrateTo('latest')
        (1..50).each { addResearch(it) }
        (1..20).each { addChat(it) }
        run("DELETE FROM research WHERE id IN ('r1', 'r2', 'r3')")
        run("DELETE FROM chat WHERE id LIKE 'c1%'")
        run("UPDATE research SET status = 'running' WHERE id = 'r9'")

        when: 'a transaction that adds and is rolled back'
        vault.connection.autoCommit = false
        addResearch(1000)
        addChat(1000)
        vault.connection.rollback()
        vault.connection.autoCommit = true

        then:
        counted('research') == single('SELECT COUNT(*) FROM research')
        counted('chat') == single('SELECT COUNT(*) FROM chat')
        counted('research') == 47
        counted('chat') == 9
    }
}
