package dev.researchvault.adapter.persistence.blob

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.adapter.persistence.vault.CurrentVault
import dev.researchvault.adapter.persistence.vault.VaultFile

import java.sql.Connection

/** Raw access to one user's blobs.db for the blob specs: statements run around the adapters, rows read as lists. */
class RawBlobRows {

    private final PersistenceFixture fixture
    private final PersistenceFixture.UserVault vault

    RawBlobRows(PersistenceFixture fixture, PersistenceFixture.UserVault vault) {
        this.fixture = fixture
        this.vault = vault
    }

    /** Every row {@code sql} answers, each as the list of its values. */
    List<List<Object>> rows(String sql) {
        withConnection { Connection connection ->
            def result = connection.createStatement().executeQuery(sql)
            def all = []
            while (result.next()) {
                all << (1..result.metaData.columnCount).collect { result.getObject(it) }
            }
            all
        } as List<List<Object>>
    }

    /** Runs {@code work} on a connection of the vault's blobs.db, inside its vault scope. */
    def <T> T withConnection(Closure<T> work) {
        fixture.inVault(vault) {
            Connection connection = CurrentVault.connection(VaultFile.BLOBS)
            try {
                work(connection)
            } finally {
                connection.close()
            }
        }
    }
}
