package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.files.PropertiesFiles;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.backup.BackupInfo;
import dev.researchvault.domain.backup.BackupKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code backup.properties}: what is known about one backup beyond its files — why it was taken, whether
 * its source passed a full integrity check, and when and how the copy was last verified with the size of
 * each file it saw. Listing compares those sizes with the files on disk, so a truncated or replaced copy is
 * no longer shown as verified without reading it. Backups written before this file existed get defaults.
 */
final class BackupManifest {

    static final String NAME = "backup.properties";

    private BackupManifest() {
    }

    static void write(Path backupDir, BackupInfo info) {
        Properties manifest = new Properties();
        manifest.setProperty("format", "1");
        manifest.setProperty("kind", info.kind().name());
        info.sourceIntact().ifPresent(intact -> manifest.setProperty("sourceIntact", intact.toString()));
        manifest.setProperty("verified", Boolean.toString(info.verified()));
        manifest.setProperty("verifiedAt", info.verifiedAt().toString());
        manifest.setProperty("verification", info.verification());
        for (VaultFile file : VaultFile.values()) {
            manifest.setProperty("size." + file.fileName(), Long.toString(size(backupDir.resolve(file.fileName()))));
        }
        PropertiesFiles.write(backupDir.resolve(NAME), manifest, "Research Vault backup: see docs/backups.md");
    }

    /** The backup as its manifest and files say now. */
    static BackupInfo read(Path backupDir, String name, Instant createdAt) {
        // An unreadable manifest (not one that is missing: older backups have none) is not verified.
        Properties manifest = Files.exists(backupDir.resolve(NAME))
                ? PropertiesFiles.read(backupDir.resolve(NAME)).orElseGet(BackupManifest::unverified)
                : new Properties();
        long total = 0;
        boolean sizesMatch = true;
        for (VaultFile file : VaultFile.values()) {
            long size = size(backupDir.resolve(file.fileName()));
            total += size;
            String recorded = manifest.getProperty("size." + file.fileName());
            sizesMatch &= recorded == null || recorded.equals(Long.toString(size)) && size > 0;
        }
        String sourceIntact = manifest.getProperty("sourceIntact");
        return new BackupInfo(name, createdAt, total,
                sizesMatch && Boolean.parseBoolean(manifest.getProperty("verified", "true")),
                BackupKind.valueOf(manifest.getProperty("kind", BackupKind.MANUAL.name())),
                sourceIntact == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(sourceIntact)),
                Instant.parse(manifest.getProperty("verifiedAt", createdAt.toString())),
                manifest.getProperty("verification", "quick_check"));
    }

    private static Properties unverified() {
        Properties manifest = new Properties();
        manifest.setProperty("verified", "false");
        return manifest;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
