package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.FileKeys;
import dev.researchvault.adapter.persistence.vault.IntegrityCheck;
import dev.researchvault.adapter.persistence.vault.KeyedConnections;
import dev.researchvault.adapter.persistence.vault.MigrationGuard;
import dev.researchvault.adapter.persistence.vault.OpenVaults;
import dev.researchvault.adapter.persistence.vault.SqlCipher;
import dev.researchvault.adapter.persistence.vault.SqliteVaults;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupPolicy;
import dev.researchvault.domain.backup.Backups;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Backups} as directories of encrypted SQLite copies under {@code <data-dir>/backups/<user-id>/}. */
public final class SqliteBackups implements Backups, MigrationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackups.class);

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;
    private final BackupWriter writer;
    private final BackupCatalog catalog;
    private final Clock clock;
    private final ConcurrentMap<UserId, BackupQueue> queues = new ConcurrentHashMap<>();
    private SqliteVaults vaults;

    public SqliteBackups(VaultLayout layout, SqlCipher.ConnectionSettings settings, Clock clock) {
        this.layout = layout;
        this.settings = settings;
        this.writer = new BackupWriter(layout, settings);
        this.catalog = new BackupCatalog(layout);
        this.clock = clock;
    }

    /** The vault engine, for restores; set once at wiring (the engine itself needs this object as its guard). */
    public void attach(SqliteVaults engine) {
        this.vaults = engine;
    }

    /**
     * Copies through connections of its own, opened and closed for this backup, while holding a lease on the
     * open vault (so no re-key, restore or deletion runs meanwhile). Not through the vault's pool: the backup
     * after a login runs beside the login's own requests, and a second pooled connection per file would stay
     * open (and cost native memory) for as long as the vault does.
     */
    @Override
    public BackupInfo create(UserId user, MasterKey key) {
        OpenVaults openVaults = vaults.openVaults();
        KeyedConnections direct = new KeyedConnections(layout, user, key, settings);
        return once(user, () -> openVaults.call(user, key,
                () -> writer.write(user, key, clock.instant(), direct::open)));
    }

    /**
     * The forced backup before a migration: the vault is still closed, so it reads the files directly. It
     * bypasses the queue on purpose: it runs while the vault is being opened, and a queued backup may be
     * waiting for that very open — waiting for the queue here would deadlock the two.
     */
    @Override
    public void beforeMigrating(UserId user, MasterKey key) {
        KeyedConnections direct = new KeyedConnections(layout, user, key, settings);
        BackupInfo backup = writer.write(user, key, clock.instant(), direct::open);
        LOG.info("event=backup.before-migration user={} name={}", user, backup.name());
    }

    @Override
    public List<BackupInfo> list(UserId user) {
        return catalog.list(user);
    }

    @Override
    public Optional<Instant> lastBackupAt(UserId user) {
        return catalog.list(user).stream().findFirst().map(BackupInfo::createdAt);
    }

    @Override
    public boolean delete(UserId user, String name) {
        return catalog.delete(user, name);
    }

    @Override
    public void deleteAll(UserId user) {
        VaultLayout.deleteRecursively(layout.backupDir(user));
    }

    @Override
    public int applyRetention(UserId user, BackupPolicy policy, String justWritten, Instant now) {
        catalog.removeStaleTemporaries(user, now);
        List<BackupInfo> all = catalog.list(user);
        Instant oldestKept = now.minus(java.time.Duration.ofDays(policy.maxAgeDays()));
        List<String> doomed = new ArrayList<>();
        int kept = 0;
        for (BackupInfo backup : all) {
            boolean keep = backup.name().equals(justWritten)
                    || (kept < policy.maxCount() && !backup.createdAt().isBefore(oldestKept));
            if (keep) {
                kept++;
            } else {
                doomed.add(backup.name());
            }
        }
        return (int) doomed.stream().filter(name -> catalog.deleteQuietly(user, name)).count();
    }

    @Override
    public void restore(UserId user, MasterKey key, String name) {
        Path backup = catalog.directory(user, name)
                .orElseThrow(() -> new NotFoundException("backup.not-found", "no backup of that name"));
        Map<VaultFile, Path> sources = new EnumMap<>(VaultFile.class);
        for (VaultFile file : VaultFile.values()) {
            Path copy = backup.resolve(file.fileName());
            byte[] rawKey = FileKeys.derive(key, file);
            try {
                if (!IntegrityCheck.check(copy, rawKey, file, settings, "integrity_check").isEmpty()) {
                    throw new ConflictException("backup.corrupt", "the backup failed verification; the vault was not changed");
                }
            } finally {
                Arrays.fill(rawKey, (byte) 0);
            }
            sources.put(file, copy);
        }
        vaults.replaceFiles(user, sources);
        LOG.info("event=backup.restored user={} name={}", user, name);
    }

    /** Runs {@code work} in the user's backup queue (one at a time, requests piling up share a run). */
    private BackupInfo once(UserId user, java.util.function.Supplier<BackupInfo> work) {
        return queues.computeIfAbsent(user, id -> new BackupQueue()).submit(() -> {
            BackupInfo info = work.get();
            LOG.info("event=backup.written user={} name={} bytes={}", user, info.name(), info.sizeBytes());
            return info;
        });
    }
}
