package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.Vaults;
import dev.researchvault.domain.account.KdfParameters;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Vaults} over SQLCipher files in the data directory. */
public final class SqliteVaults implements Vaults, VaultFileReplacement {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteVaults.class);


    private final VaultLayout layout;
    private final VaultFiles files;
    private final OpenVaults openVaults;
    private final VaultLocks locks;
    private final DecoyVault decoy;
    private final Rekeying rekeying;
    private final Restoring restoring;
    private final OrphanFiles orphans;
    private final Duration lockTimeout;

    public SqliteVaults(VaultConfiguration configuration, SchemaMigrator migrator) {
        this(configuration, migrator, MigrationGuard.NONE);
    }

    public SqliteVaults(VaultConfiguration configuration, SchemaMigrator migrator, MigrationGuard guard) {
        this(configuration, new VaultLayout(Path.of(configuration.getDataDir())), migrator, guard);
    }

    /** {@code layout} is the data directory of {@code configuration}, shared with the rest of the adapter. */
    public SqliteVaults(VaultConfiguration configuration, VaultLayout layout, SchemaMigrator migrator,
                        MigrationGuard guard) {
        this.layout = layout;
        this.files = new VaultFiles(layout, migrator, guard, configuration);
        this.locks = new VaultLocks(configuration.getLockTimeout());
        this.openVaults = new OpenVaults(configuration, locks, files);
        this.decoy = new DecoyVault(layout, files.settings());
        this.rekeying = new Rekeying(layout, new EncryptedCopies(files.settings()));
        this.restoring = new Restoring(layout);
        this.orphans = new OrphanFiles(layout, Clock.systemUTC());
        this.lockTimeout = configuration.getLockTimeout();
    }

    /** The cache of open vaults, which is also the {@link dev.researchvault.application.vault.VaultScope}. */
    public OpenVaults openVaults() {
        return openVaults;
    }

    public VaultLayout layout() {
        return layout;
    }

    @Override
    public void create(UserId user, MasterKey key, KdfParameters kdf) {
        Path userDir = layout.userDir(user);
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            if (Files.exists(userDir)) {
                throw new ConflictException("vault.exists", "a vault already exists for this account");
            }
            try {
                VaultLayout.createPrivateDirectories(layout.usersDir());
                VaultLayout.createPrivateDirectories(userDir);
                orphans.mark(user, OrphanFiles.REGISTERING);
                for (VaultFile file : VaultFile.values()) {
                    files.create(user, key, file);
                }
                KdfRowFile.write(userDir.resolve(KdfRowFile.NAME), kdf);
            } catch (SQLException | RuntimeException failure) {
                // All or nothing: a half-created vault would lock its user out forever.
                VaultLayout.deleteRecursively(userDir);
                LOG.warn("event=vault.create-failed user={} error={}", user, failure.getClass().getSimpleName());
                // A directory that cannot be made (read-only or full storage) is as unavailable as a file.
                boolean storage = failure instanceof SQLException || failure instanceof UncheckedIOException;
                throw storage ? new UnavailableException("vault.create-failed", "the vault could not be created")
                        : (RuntimeException) failure;
            }
        }
        LOG.info("event=vault.created user={}", user);
    }

    @Override
    public void creationCommitted(UserId user) {
        orphans.unmark(user, OrphanFiles.REGISTERING);
    }

    @Override
    public boolean unlock(UserId user, MasterKey key, KdfParameters kdf) {
        if (!files.keyOpens(user, key)) {
            return false;
        }
        Path kdfRow = layout.userDir(user).resolve(KdfRowFile.NAME);
        if (!KdfRowFile.read(kdfRow).filter(kdf::equals).isPresent()) {
            recordKdfRow(user, kdfRow, kdf);
        }
        try {
            if (openVaults.unlock(user, key)) {
                return true;
            }
            // The files took this key, yet the cached open vault did not: it was opened under another key the
            // files no longer have. Close it rather than refuse the right password until it idles out.
            LOG.warn("event=vault.stale-open-vault-retired user={}", user);
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            return openVaults.unlock(user, key);
        } catch (RuntimeException damaged) {
            // The key is proven (page 1 verified) but the vault will not open: let its owner in anyway, so
            // they can check its integrity and restore a backup; requests needing the vault answer 503.
            LOG.warn("event=vault.open-failed-at-login user={} error={}", user, damaged.getClass().getSimpleName());
            return true;
        }
    }

    /** Best effort: a vault that cannot record its KDF row (full disk) still opens for reading. */
    private static void recordKdfRow(UserId user, Path kdfRow, KdfParameters kdf) {
        try {
            KdfRowFile.write(kdfRow, kdf);
        } catch (RuntimeException failure) {
            LOG.warn("event=vault.kdf-row-not-written user={} error={}", user, failure.getClass().getSimpleName());
        }
    }

    @Override
    public boolean unlockDecoy(MasterKey key) {
        return decoy.unlock(key);
    }

    @Override
    public void rekey(UserId user, MasterKey currentKey, MasterKey newKey, KdfParameters newKdf, Runnable copiesReady) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            rekeying.stage(user, currentKey, newKey, newKdf);
            try {
                copiesReady.run();
            } catch (RuntimeException failure) {
                rekeying.discard(user);
                throw failure;
            }
            rekeying.swapIn(user);
        }
        LOG.info("event=vault.rekeyed user={}", user);
    }

    @Override
    public void recoverInterrupted(UserId user, boolean rekeyStaged) {
        boolean rekeyWaiting = rekeying.anyPresent(user);
        boolean restoreWaiting = restoring.hasLeftovers(user);
        List<Path> temporaries = layout.backupTemporaries(user);
        if (!rekeyWaiting && !restoreWaiting && temporaries.isEmpty()) {
            return;
        }
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            if (rekeyStaged) {
                rekeying.swapIn(user);
            } else {
                rekeying.discard(user);
            }
            restoring.recover(user);
            temporaries.forEach(VaultLayout::deleteRecursively);
        }
        LOG.info("event=vault.recovered user={} rekey={} rolledForward={} restore={} backupTemporaries={}", user,
                rekeyWaiting, rekeyStaged, restoreWaiting, temporaries.size());
    }

    @Override
    public void close(UserId user) {
        openVaults.closeRequested(user);
    }

    @Override
    public void beginDeletion(UserId user) {
        orphans.mark(user, OrphanFiles.DELETING);
    }

    @Override
    public void destroy(UserId user) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            // Marked before the wait: even if a download keeps the files open past it (vault.busy), no later
            // request opens them again with a deleted account's key.
            openVaults.destroying(user);
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            // Backups first: the user directory holds the .deleting marker, so a deletion cut short is still
            // recognised at start-up as the server's own work, and finished.
            VaultLayout.deleteRecursively(layout.backupDir(user));
            VaultLayout.deleteRecursively(layout.userDir(user));
        }
        LOG.info("event=vault.destroyed user={}", user);
    }

    @Override
    public Set<UserId> usersWithFiles() {
        return layout.usersWithFiles();
    }

    @Override
    public OrphanOutcome settleOrphan(UserId user) {
        if (orphans.isMarked(user)) {
            destroy(user);
            return OrphanOutcome.REMOVED_OWN_LEFTOVER;
        }
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            return orphans.quarantine(user);
        }
    }

    @Override
    public void clearMarkers(UserId user) {
        orphans.unmark(user, OrphanFiles.REGISTERING);
        orphans.unmark(user, OrphanFiles.DELETING);
    }

    /** Crash-safe: see {@link Restoring}. */
    @Override
    public void replaceFiles(UserId user, Map<VaultFile, Path> sources, Runnable whileClosed) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            whileClosed.run();
            restoring.replace(user, sources);
        }
        LOG.info("event=vault.files-replaced user={}", user);
    }
}
