package dev.researchvault.adapter.persistence.vault

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import org.flywaydb.core.Flyway
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Flyway is handed the migrations from a list (a native image has no classpath to scan): the list must hold
 * every script there is, and migrating from it must record what Flyway's own scan records.
 */
class ListedMigrationsSpec extends Specification {

    @TempDir
    Path dir

    def "the list names every script under #directory, in order"() {
        given:
        Path scripts = Path.of(getClass().classLoader.getResource(directory).toURI())

        expect:
        ListedMigrations.scripts(directory) == Files.list(scripts).withCloseable { files ->
            files.collect { it.fileName.toString() }.findAll { it.endsWith('.sql') }.sort { it.find(/\d+/) as int }
        }

        where:
        directory << ['db/vault', 'db/blobs', 'db/registry']
    }

    def "migrating from the list records the scripts, versions and checksums that Flyway's scan records for #location"() {
        given:
        def listed = "jdbc:sqlite:${dir.resolve('listed.db')}"
        def scanned = "jdbc:sqlite:${dir.resolve('scanned.db')}"

        when:
        DriverManager.getConnection(listed).withCloseable { FlywaySchemaMigrator.migrate(location, it) }
        Flyway.configure(getClass().classLoader).dataSource(scanned, null, null).locations(location).load().migrate()

        then:
        history(listed) == history(scanned)
        history(listed).size() == ListedMigrations.scripts(location - 'classpath:').size()

        where:
        location << ['classpath:db/vault', 'classpath:db/blobs', 'classpath:db/registry']
    }

    def "a location nobody listed is refused rather than migrated with nothing"() {
        when:
        new ListedMigrations('classpath:db/elsewhere')

        then:
        def refused = thrown(IllegalArgumentException)
        refused.message.contains('db/elsewhere')
    }

    private static List<List<Object>> history(String url) {
        DriverManager.getConnection(url).withCloseable { connection ->
            connection.createStatement().withCloseable { statement ->
                def rows = statement.executeQuery(
                        'SELECT version, description, type, script, checksum FROM flyway_schema_history ORDER BY installed_rank')
                def all = []
                while (rows.next()) {
                    all << (1..5).collect { rows.getObject(it) }
                }
                all
            }
        }
    }
}
