package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/** Opens connections to one encrypted file with its raw key, and wipes the key when closed. */
final class KeyedFile implements ConnectionPool.ConnectionFactory {

    private final Path path;
    private final byte[] rawKey;
    private final VaultFile kind;
    private final SqlCipher.ConnectionSettings settings;

    KeyedFile(Path path, byte[] rawKey, VaultFile kind, SqlCipher.ConnectionSettings settings) {
        this.path = path;
        this.rawKey = rawKey;
        this.kind = kind;
        this.settings = settings;
    }

    @Override
    public Connection open() throws SQLException {
        return SqlCipher.open(path, rawKey, kind, settings);
    }

    @Override
    public void close() {
        Arrays.fill(rawKey, (byte) 0);
    }
}
