package dev.researchvault.adapter.persistence.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A row of {@code vault.db}'s {@code vault_meta} ({@value #ROW}) saying that the vault's {@code blobs.db} has never
 * been given a file: written when the vault is created, deleted before the first file or upload is written to
 * blobs.db, never written again. While it is there, the blob upkeep of every login (expired uploads, blobs no row
 * owns) knows there is nothing to do without opening blobs.db: a blobs.db connection costs ≈ 270 KiB of native memory
 * for as long as it stays open, and most vaults never hold a file (docs/benchmarks.md, "Where an open vault's native
 * memory goes").
 *
 * <p>A row rather than a migration (no migration number was free) and a row meaning "never written" rather than
 * "written": vaults created before it have no row and so keep the upkeep they had. Safe by order alone: the row goes
 * (committed) before the first byte is written to blobs.db, so a crash in between leaves the row gone and the upkeep
 * on, never a written blobs.db with the row. Reading it needs the vault.db connection the login opens anyway.
 */
public final class UnwrittenBlobStore {

    /** The {@code vault_meta} name of the row. */
    public static final String ROW = "blobs.unwritten";

    private static final String INSERT = "INSERT INTO vault_meta (name, value) VALUES ('" + ROW + "', 'true')";
    private static final String SELECT = "SELECT 1 FROM vault_meta WHERE name = '" + ROW + "'";
    private static final String DELETE = "DELETE FROM vault_meta WHERE name = '" + ROW + "'";

    private UnwrittenBlobStore() {
    }

    /** Records, in a new vault's just-migrated {@code vault.db}, that its blobs.db holds nothing yet. */
    static void recordAtCreation(Connection vaultDb) throws SQLException {
        try (PreparedStatement insert = vaultDb.prepareStatement(INSERT)) {
            insert.executeUpdate();
        }
    }

    /** Whether the bound vault's blobs.db has never been written (read from vault.db, blobs.db stays closed). */
    public static boolean isUnwritten() throws SQLException {
        try (Connection connection = CurrentVault.connection(VaultFile.VAULT);
             PreparedStatement select = connection.prepareStatement(SELECT);
             ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    /**
     * Call before writing a file or upload to the bound vault's blobs.db: deletes the row if it is there (under
     * vault.db's writer turn, as every vault.db write), so it is gone before the write. A read once the row is gone.
     * Never call it while holding vault.db's writer turn (blob writes never do: a file is saved before its row).
     */
    public static void beforeWrite() throws SQLException {
        if (!isUnwritten()) {
            return;
        }
        try (Connection connection = CurrentVault.writeConnection(VaultFile.VAULT);
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.executeUpdate();
        }
    }
}
