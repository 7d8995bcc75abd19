package dev.researchvault.adapter.persistence.vault

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import java.util.function.Supplier

/** SQL run on a vault's vault.db the way a request runs it: under a lease, on a connection of the engine's pool. */
final class VaultSql {

    private VaultSql() {
    }

    /** Runs one changing statement with {@code values} bound in order; answers how many rows it changed. */
    static int update(SqliteVaults engine, UserId user, MasterKey key, String sql, Object... values) {
        engine.openVaults().call(user, key, {
            CurrentVault.connection(VaultFile.VAULT).withCloseable { connection ->
                connection.prepareStatement(sql).withCloseable { statement ->
                    values.eachWithIndex { value, index -> statement.setObject(index + 1, value) }
                    statement.executeUpdate()
                }
            }
        } as Supplier<Integer>)
    }
}
