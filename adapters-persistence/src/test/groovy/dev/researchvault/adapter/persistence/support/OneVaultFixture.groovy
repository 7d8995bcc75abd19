package dev.researchvault.adapter.persistence.support

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.vault.VaultMaintenance
import io.micronaut.context.ApplicationContext

import javax.sql.DataSource
import java.util.function.Supplier

/**
 * The research and chat specs' view of {@link PersistenceFixture}: one "current" vault (a new user with a
 * random key per {@link #newVault}), worked in inside a transaction, plus row counts for cascade checks.
 */
class OneVaultFixture implements AutoCloseable {

    private final PersistenceFixture persistence
    private PersistenceFixture.UserVault current

    OneVaultFixture(Map<String, Object> extraProperties = [:]) {
        persistence = PersistenceFixture.start(extraProperties)
    }

    ApplicationContext getContext() {
        persistence.context
    }

    /** Creates an empty vault for a new user and makes it the one {@link #inVault} works in. */
    void newVault() {
        current = persistence.newVault()
    }

    /** Runs {@code work} with the current vault bound, in one transaction. */
    def <T> T inVault(Closure<T> work) {
        Transactions transactions = context.getBean(Transactions)
        persistence.inVault(current) { transactions.inTransaction(work as Supplier<T>) }
    }

    /** The number of rows of {@code table} in the current vault, read with plain JDBC. */
    long countRows(String table) {
        assert table ==~ /[a-z_]+/
        withStatement { statement ->
            def result = statement.executeQuery("SELECT COUNT(*) FROM ${table}")
            result.next()
            result.getLong(1)
        }
    }

    /**
     * Runs one statement of plain SQL in the current vault, in a transaction of its own: what a row written by
     * an older version, or changed behind the adapters' back, looks like. Answers the rows it changed.
     */
    int execute(String sql) {
        withStatement { statement -> statement.executeUpdate(sql) }
    }

    /** The rows a query answers in the current vault, read with plain JDBC, each as a list of its values. */
    List<List<Object>> rows(String sql) {
        withStatement { statement ->
            def result = statement.executeQuery(sql)
            int columns = result.metaData.columnCount
            def rows = []
            while (result.next()) {
                rows << (1..columns).collect { result.getObject(it) }
            }
            rows
        }
    }

    private <T> T withStatement(Closure<T> work) {
        inVault {
            context.getBean(DataSource).connection.withCloseable { connection ->
                connection.createStatement().withCloseable(work)
            }
        }
    }

    /** Stores {@code agent} in the current vault, for specs whose rows name agents by a foreign key. */
    Agent stored(Agent agent) {
        inVault { context.getBean(AgentRepository).add(agent) }
        agent
    }

    /** The current vault's statistics, read inside its scope as the maintenance use case does. */
    Map<String, VaultMaintenance.FileStats> stats() {
        persistence.inVault(current) { context.getBean(VaultMaintenance).stats() }
    }

    /** Rebuilds the current vault's files with VACUUM, outside any transaction as the maintenance use case does. */
    long vacuum() {
        persistence.inVault(current) { context.getBean(VaultMaintenance).vacuum() }
    }

    @Override
    void close() {
        persistence.close()
    }
}
