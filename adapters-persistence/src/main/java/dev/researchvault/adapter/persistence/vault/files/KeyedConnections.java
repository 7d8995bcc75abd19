package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/** Fresh, unpooled, read-only connections to a user's files, closed after use: forced backups before a migration, backups. */
public final class KeyedConnections {

    private final VaultLayout layout;
    private final UserId user;
    private final MasterKey key;
    private final SqlCipher.ConnectionSettings settings;

    public KeyedConnections(VaultLayout layout, UserId user, MasterKey key, SqlCipher.ConnectionSettings settings) {
        this.layout = layout;
        this.user = user;
        this.key = key;
        this.settings = settings;
    }

    /** A new read-only connection to {@code file} (copies only read); the caller closes it. */
    public Connection open(VaultFile file) throws SQLException {
        byte[] rawKey = FileKeys.derive(key, file);
        try {
            return SqlCipher.openReadOnly(layout.file(user, file), rawKey, file, settings);
        } finally {
            Arrays.fill(rawKey, (byte) 0);
        }
    }
}
