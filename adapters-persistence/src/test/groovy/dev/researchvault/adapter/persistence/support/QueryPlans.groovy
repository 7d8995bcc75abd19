package dev.researchvault.adapter.persistence.support

import io.micronaut.data.annotation.Query
import org.flywaydb.core.Flyway

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * {@code EXPLAIN QUERY PLAN} of repository statements on a freshly migrated vault schema. A plain file is
 * enough: the planner is the same under encryption, and like a real vault it has no ANALYZE statistics.
 */
class QueryPlans implements AutoCloseable {

    private final Connection connection

    private QueryPlans(Connection connection) {
        this.connection = connection
    }

    static QueryPlans onVaultSchema(Path dir) {
        String url = "jdbc:sqlite:${dir.resolve('vault.db')}"
        Flyway.configure(QueryPlans.classLoader).dataSource(url, null, null).locations('classpath:db/vault').load().migrate()
        new QueryPlans(DriverManager.getConnection(url))
    }

    /** The plan lines of the statement in the {@code @Query} of {@code repository}'s method {@code name}. */
    List<String> ofQuery(Class<?> repository, String name) {
        String sql = repository.declaredMethods.find { it.name == name }.getAnnotation(Query).value()
        of(sql)
    }

    /** The plan lines of {@code sql}, its named parameters left unbound. */
    List<String> of(String sql) {
        connection.createStatement().withCloseable { statement ->
            def result = statement.executeQuery('EXPLAIN QUERY PLAN ' + sql.replaceAll(/:\w+/, '?'))
            List<String> lines = []
            while (result.next()) {
                lines << result.getString('detail')
            }
            lines
        }
    }

    @Override
    void close() {
        connection.close()
    }
}
