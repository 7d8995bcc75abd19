package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.MigrationGuard;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.adapter.persistence.vault.files.KeyedConnections;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupKind;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forced backup before a migration, handed to the engine as its {@link MigrationGuard}. Apart from
 * {@link SqliteBackups} because it needs nothing of the engine, while restores need the engine: the engine
 * is built with this guard, and backups are built with the engine.
 */
public final class BackupBeforeMigration implements MigrationGuard {

    /** Logs as the backups it belongs to, so operators keep one logger for every backup event. */
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackups.class);

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;
    private final BackupWriter writer;
    private final Clock clock;

    public BackupBeforeMigration(VaultLayout layout, SqlCipher.ConnectionSettings settings, Clock clock) {
        this.layout = layout;
        this.settings = settings;
        this.writer = new BackupWriter(layout, settings);
        this.clock = clock;
    }

    /** The vault is still closed, so it reads the files directly. */
    @Override
    public void beforeMigrating(UserId user, MasterKey key) {
        KeyedConnections direct = new KeyedConnections(layout, user, key, settings);
        BackupInfo backup = writer.write(user, key, BackupKind.BEFORE_MIGRATION, clock.instant(), direct::open);
        LOG.info("event=backup.before-migration user={} name={}", user, backup.name());
    }
}
