package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.Vaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Vaults} over SQLCipher files in the data directory. */
public final class SqliteVaults implements Vaults {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteVaults.class);


    private final VaultLayout layout;
    private final VaultFiles files;
    private final OpenVaults openVaults;
    private final VaultLocks locks;
    private final DecoyVault decoy;
    private final EncryptedCopies copies;
    private final StagedFiles rekeyCopies;
    private final StagedFiles restoreCopies;
    private final Duration lockTimeout;

    public SqliteVaults(VaultConfiguration configuration, SchemaMigrator migrator) {
        this(configuration, migrator, MigrationGuard.NONE);
    }

    public SqliteVaults(VaultConfiguration configuration, SchemaMigrator migrator, MigrationGuard guard) {
        this.layout = new VaultLayout(Path.of(configuration.getDataDir()));
        this.files = new VaultFiles(layout, migrator, guard, configuration);
        this.locks = new VaultLocks(configuration.getLockTimeout());
        this.openVaults = new OpenVaults(configuration, locks, files);
        this.decoy = new DecoyVault(layout, files.settings());
        this.copies = new EncryptedCopies(files.settings());
        this.rekeyCopies = new StagedFiles(layout, ".rekey");
        this.restoreCopies = new StagedFiles(layout, ".restore");
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
    public void create(UserId user, MasterKey key) {
        Path userDir = layout.userDir(user);
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            if (Files.exists(userDir)) {
                throw new ConflictException("vault.exists", "a vault already exists for this account");
            }
            try {
                VaultLayout.createPrivateDirectories(layout.usersDir());
                VaultLayout.createPrivateDirectories(userDir);
                for (VaultFile file : VaultFile.values()) {
                    files.create(user, key, file);
                }
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
    public boolean unlock(UserId user, MasterKey key) {
        if (!files.keyOpens(user, key)) {
            return false;
        }
        try {
            return openVaults.unlock(user, key);
        } catch (RuntimeException damaged) {
            // The key is proven (page 1 verified) but the vault will not open: let its owner in anyway, so
            // they can check its integrity and restore a backup; requests needing the vault answer 503.
            LOG.warn("event=vault.open-failed-at-login user={} error={}", user, damaged.getClass().getSimpleName());
            return true;
        }
    }

    @Override
    public boolean unlockDecoy(MasterKey key) {
        return decoy.unlock(key);
    }

    @Override
    public void rekey(UserId user, MasterKey currentKey, MasterKey newKey, Runnable copiesReady) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            try {
                for (VaultFile file : VaultFile.values()) {
                    copies.reencrypt(layout.file(user, file), currentKey, newKey, file, rekeyCopies.path(user, file));
                }
                copiesReady.run();
            } catch (RuntimeException failure) {
                rekeyCopies.discard(user);
                throw failure;
            }
            rekeyCopies.swapIn(user);
        }
        LOG.info("event=vault.rekeyed user={}", user);
    }

    @Override
    public void recoverRekey(UserId user, boolean staged) {
        if (!rekeyCopies.anyPresent(user)) {
            return;
        }
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            if (staged) {
                rekeyCopies.swapIn(user);
            } else {
                rekeyCopies.discard(user);
            }
        }
        LOG.info("event=vault.rekey-recovered user={} rolledForward={}", user, staged);
    }

    @Override
    public void close(UserId user) {
        openVaults.retire(user);
    }

    @Override
    public void destroy(UserId user) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            VaultLayout.deleteRecursively(layout.userDir(user));
            VaultLayout.deleteRecursively(layout.backupDir(user));
        }
        LOG.info("event=vault.destroyed user={}", user);
    }

    @Override
    public Set<UserId> usersWithFiles() {
        return layout.usersWithFiles();
    }

    /**
     * Replaces the user's live files with {@code sources} (already verified by the caller), with the vault
     * closed and no request running. Each file is copied next to its live file first, so a failure before
     * the renames leaves the live files untouched.
     */
    public void replaceFiles(UserId user, Map<VaultFile, Path> sources) {
        try (VaultLocks.Held exclusive = locks.exclusive(user)) {
            openVaults.retireAndAwaitClosed(user, lockTimeout.toMillis());
            try {
                for (Map.Entry<VaultFile, Path> source : sources.entrySet()) {
                    Path staged = restoreCopies.path(user, source.getKey());
                    Files.copy(source.getValue(), staged, StandardCopyOption.REPLACE_EXISTING);
                    EncryptedCopies.forceToDisk(staged);
                }
            } catch (IOException | RuntimeException failure) {
                // Nothing live was touched yet: drop the staged copies and report.
                restoreCopies.discard(user);
                throw failure instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) failure);
            }
            restoreCopies.swapIn(user);
        }
        LOG.info("event=vault.files-replaced user={}", user);
    }

    /** Thrown inside {@link EncryptedCopies} when the current key does not open a file. */
    static UnauthenticatedException wrongKey() {
        return new UnauthenticatedException("account.invalid-credentials", "username or password is wrong");
    }
}
