package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.adapter.persistence.vault.files.FileKeys;
import dev.researchvault.adapter.persistence.vault.files.IntegrityCheck;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupKind;
import java.util.Optional;
import dev.researchvault.domain.vault.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes one backup: {@code VACUUM INTO} a temporary directory with the vault's own keys (the driver has
 * no {@code sqlcipher_export}, docs/traps.md S6), verify each copy, {@code chmod 600}, fsync, then one
 * atomic rename of the directory. A failure at any step deletes the temporary directory.
 */
final class BackupWriter {

    /** Where the live data comes from: the user's open vault, or fresh connections while it is closed. */
    @FunctionalInterface
    interface Source {
        Connection connection(VaultFile file) throws SQLException;
    }

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;

    BackupWriter(VaultLayout layout, SqlCipher.ConnectionSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    BackupInfo write(UserId user, MasterKey key, BackupKind kind, Instant now, Source source) {
        Path backupDir = layout.backupDir(user);
        VaultLayout.createPrivateDirectories(backupDir);
        requireFreeSpace(user, backupDir);
        String name = uniqueName(backupDir, now);
        Path temporary = backupDir.resolve(".tmp-" + name);
        try {
            VaultLayout.createPrivateDirectories(temporary);
            boolean sourceIntact = true;
            long size = 0;
            for (VaultFile file : VaultFile.values()) {
                sourceIntact &= sourceIntact(file, key, source);
                size += copy(file, key, source, temporary.resolve(file.fileName()));
            }
            copyKdfRow(user, temporary);
            BackupInfo info = new BackupInfo(name, BackupNames.createdAt(name).orElse(now), size, true, kind,
                    Optional.of(sourceIntact), now, "quick_check");
            BackupManifest.write(temporary, info);
            Path target = backupDir.resolve(name);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            EncryptedCopies.forceToDisk(backupDir);
            return info;
        } catch (IOException | RuntimeException failure) {
            VaultLayout.deleteRecursively(temporary);
            throw failure instanceof UnavailableException unavailable ? unavailable
                    : new UnavailableException("backup.failed", "the backup could not be written");
        }
    }

    /**
     * A full {@code integrity_check} of the live file (every page and its HMAC), so retention can tell a
     * backup of a damaged vault from one of a sound vault. A copy does not show the damage: {@code VACUUM
     * INTO} rebuilds what it can read.
     */
    private boolean sourceIntact(VaultFile file, MasterKey key, Source source) {
        try (Connection connection = source.connection(file); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            return rows.next() && "ok".equals(rows.getString(1)) && !rows.next();
        } catch (SQLException unreadable) {
            return false;
        }
    }

    /** Copies one file under its own key into {@code target}, verifies, restricts and syncs it. */
    private long copy(VaultFile file, MasterKey key, Source source, Path target) throws IOException {
        byte[] rawKey = FileKeys.derive(key, file);
        try {
            try (Connection connection = source.connection(file); Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + SqlCipher.encryptedTargetUri(target, rawKey) + "'");
            } catch (SQLException failure) {
                throw new UnavailableException("backup.failed", "the vault could not be copied");
            }
            if (!SqlCipher.keyOpens(target, rawKey.clone(), file, settings) || !quickCheck(target, rawKey, file)) {
                throw new UnavailableException("backup.failed", "the backup did not verify");
            }
            if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
            EncryptedCopies.forceToDisk(target);
            return Files.size(target);
        } finally {
            Arrays.fill(rawKey, (byte) 0);
        }
    }

    /** The KDF row the copies are under, from the live directory: a backup opens with its password alone. */
    private void copyKdfRow(UserId user, Path temporary) {
        Path live = layout.userDir(user).resolve(KdfRowFile.NAME);
        KdfRowFile.read(live).ifPresent(kdf -> KdfRowFile.write(temporary.resolve(KdfRowFile.NAME), kdf));
    }

    private boolean quickCheck(Path copy, byte[] rawKey, VaultFile kind) {
        return IntegrityCheck.check(copy, rawKey, kind, settings, "quick_check").isEmpty();
    }

    private void requireFreeSpace(UserId user, Path backupDir) {
        try {
            long needed = 0;
            for (VaultFile file : VaultFile.values()) {
                for (Path part : VaultLayout.withCompanions(layout.file(user, file))) {
                    needed += Files.exists(part) ? Files.size(part) : 0;
                }
            }
            long usable = Files.getFileStore(backupDir).getUsableSpace();
            if (usable < 2 * needed) {
                throw new UnavailableException("backup.insufficient-space",
                        "not enough free disk space for a backup (twice the vault's size is needed)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uniqueName(Path backupDir, Instant now) {
        String base = BackupNames.forTime(now);
        String name = base;
        for (int suffix = 1; Files.exists(backupDir.resolve(name)) || Files.exists(backupDir.resolve(".tmp-" + name)); suffix++) {
            name = base + "-" + suffix;
        }
        return name;
    }
}
