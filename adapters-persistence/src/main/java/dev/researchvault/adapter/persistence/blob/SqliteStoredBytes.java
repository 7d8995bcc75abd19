package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.adapter.persistence.vault.StorageFailures;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.blob.StoredBytes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link StoredBytes} of the bound user's {@code blobs.db}: the {@code size} column summed, of the stored files and
 * of the complete uploads waiting to be taken (a claim moves a size from one table to the other, so nothing counts
 * twice). The column comes before the bytes in each row (blobs V2), and chunks live in their own table (V3), so the
 * sum reads no byte of any file.
 */
@Singleton
final class SqliteStoredBytes implements StoredBytes {

    private static final String TOTAL = "SELECT (SELECT COALESCE(SUM(size), 0) FROM blob)"
            + " + (SELECT COALESCE(SUM(size), 0) FROM blob_upload)";

    @Override
    public long total() {
        try (Connection connection = CurrentVault.connection(VaultFile.BLOBS);
             PreparedStatement statement = connection.prepareStatement(TOTAL);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException failure) {
            // As the blob store answers: busy asks the client to retry; the message (it may quote SQL) is dropped.
            if (SqliteErrors.isBusy(failure)) {
                throw StorageFailures.busy();
            }
            throw new UnavailableException("blob.unavailable", "the file store is unavailable right now");
        }
    }

    @Override
    public UserId owner() {
        return CurrentVault.owner();
    }
}
