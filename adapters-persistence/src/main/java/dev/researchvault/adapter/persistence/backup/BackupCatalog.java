package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.backup.BackupInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** A backup being removed: a temporary directory like a backup being written ({@code .tmp-<name>}). */
    private static final String REMOVING_PREFIX = ".tmp-removing-";

    private final VaultLayout layout;

    BackupCatalog(VaultLayout layout) {
        this.layout = layout;
    }

    /**
     * Completed backups, newest first. Temporary directories are not backups. Listing takes no lock, so it runs
     * beside a retention or deletion removing backups: one removed meanwhile is left out, never shown half gone
     * ({@link #delete} renames it away before removing its files).
     */
    List<BackupInfo> list(UserId user) {
        Path dir = layout.backupDir(user);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(BackupNames::isValid)
                    .map(name -> whole(dir.resolve(name), name))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BackupInfo::createdAt).thenComparing(BackupInfo::name).reversed())
                    .toList();
        } catch (NoSuchFileException noBackupsOrAccountDeleted) {
            return List.of();
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

    /**
     * Removes a backup: first renamed to a temporary name in one atomic step (a listing sees it whole or not at
     * all), then its files. A crash in between leaves a {@code .tmp-} directory, which recovery and
     * {@link #removeStaleTemporaries} remove as the server's own leftover.
     */
    boolean delete(UserId user, String name) {
        Optional<Path> dir = directory(user, name);
        if (dir.isEmpty()) {
            return false;
        }
        Path removing = dir.get().resolveSibling(REMOVING_PREFIX + name);
        try {
            Files.move(dir.get(), removing, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException removedMeanwhile) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VaultLayout.deleteRecursively(removing);
        return true;
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

    /**
     * The backup as read now, or empty when it was removed while being read: after a removal's rename nothing of
     * it reads (a missing manifest would read as an old backup without one, and missing files as 0 bytes).
     */
    private static Optional<BackupInfo> whole(Path dir, String name) {
        try {
            BackupInfo info = BackupManifest.read(dir, name, BackupNames.createdAt(name).orElseThrow());
            return Files.isDirectory(dir) ? Optional.of(info) : Optional.empty();
        } catch (UncheckedIOException failure) {
            if (failure.getCause() instanceof NoSuchFileException && !Files.isDirectory(dir)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
