package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backups present on disk for a user: listing, lookup by name, deletion, temp-file cleanup. */
final class BackupCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(BackupCatalog.class);
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private final VaultLayout layout;

    BackupCatalog(VaultLayout layout) {
        this.layout = layout;
    }

    /** Completed backups, newest first. Temporary directories are not backups. */
    List<BackupInfo> list(UserId user) {
        Path dir = layout.backupDir(user);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(BackupNames::isValid)
                    .map(name -> info(dir.resolve(name), name))
                    .sorted(Comparator.comparing(BackupInfo::createdAt).thenComparing(BackupInfo::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of a backup, only for a valid existing name. */
    Optional<Path> directory(UserId user, String name) {
        if (!BackupNames.isValid(name)) {
            return Optional.empty();
        }
        Path dir = layout.backupDir(user).resolve(name);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    boolean delete(UserId user, String name) {
        Optional<Path> dir = directory(user, name);
        dir.ifPresent(VaultLayout::deleteRecursively);
        return dir.isPresent();
    }

    /** Deletes and reports success; a failure is logged, not thrown, so retention goes on with the rest. */
    boolean deleteQuietly(UserId user, String name) {
        try {
            return delete(user, name);
        } catch (RuntimeException failure) {
            LOG.warn("event=backup.delete-failed user={} name={} error={}", user, name, failure.getClass().getSimpleName());
            return false;
        }
    }

    /** Removes temporary directories of backups that died more than an hour ago. */
    void removeStaleTemporaries(UserId user, Instant now) {
        Path dir = layout.backupDir(user);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(path -> path.getFileName().toString().startsWith(".tmp-"))
                    .filter(path -> lastModified(path).isBefore(now.minus(STALE_TEMPORARY)))
                    .forEach(VaultLayout::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant createdAt(String name) {
        return BackupNames.createdAt(name).orElseThrow();
    }

    private static BackupInfo info(Path dir, String name) {
        return BackupManifest.read(dir, name, BackupNames.createdAt(name).orElseThrow());
    }

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
