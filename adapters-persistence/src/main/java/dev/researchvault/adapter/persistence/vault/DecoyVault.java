package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.FileKeys;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * An encrypted file under a random key nobody knows. Logins of unknown users try their derived key on it,
 * so they do the same work (KDF + a failed open) as a wrong password for a real user.
 */
final class DecoyVault {

    private final Path path;
    private final SqlCipher.ConnectionSettings settings;

    DecoyVault(VaultLayout layout, SqlCipher.ConnectionSettings settings) {
        this.path = layout.dataDir().resolve("decoy.db");
        this.settings = settings;
    }

    /** Always false (the key cannot be right), after the same work a real failed unlock does. */
    boolean unlock(MasterKey key) {
        ensureExists();
        try {
            SqlCipher.keyOpens(path, FileKeys.derive(key, VaultFile.VAULT), VaultFile.VAULT, settings);
        } catch (RuntimeException unexpected) {
            // Whatever happens here, an unknown user is refused like a wrong password.
        }
        return false;
    }

    private synchronized void ensureExists() {
        if (Files.exists(path)) {
            return;
        }
        VaultLayout.createPrivateFile(path);
        byte[] unknowable = new byte[32];
        new SecureRandom().nextBytes(unknowable);
        try (Connection connection = SqlCipher.open(path, unknowable, VaultFile.VAULT, settings);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS decoy(x INTEGER)");
        } catch (SQLException e) {
            // A full or failing disk is the storage's fault, answered as such; anything else is a bug of ours.
            throw StorageFailures.of(e).orElseThrow(() -> new IllegalStateException("cannot create the decoy vault", e));
        } finally {
            Arrays.fill(unknowable, (byte) 0);
        }
    }
}
