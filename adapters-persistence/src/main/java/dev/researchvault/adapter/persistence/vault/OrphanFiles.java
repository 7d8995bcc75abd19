package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.Vaults.OrphanOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Files without an account. Only what the server can recognise as its own half-done work is deleted — a
 * directory marked {@code .registering} (files created, account never recorded) or {@code .deleting} (the
 * account's deletion started) — everything else goes to {@code <data-dir>/quarantine/<time>-<user-id>/},
 * kept for an operator: it may be a live user's vault whose account a damaged or stale registry lost.
 */
final class OrphanFiles {

    static final String REGISTERING = ".registering";
    static final String DELETING = ".deleting";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final VaultLayout layout;
    private final Clock clock;

    OrphanFiles(VaultLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    void mark(UserId user, String marker) {
        try {
            VaultLayout.createPrivateDirectories(layout.userDir(user));
            Path file = layout.userDir(user).resolve(marker);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            EncryptedCopies.forceToDisk(layout.userDir(user));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void unmark(UserId user, String marker) {
        try {
            Files.deleteIfExists(layout.userDir(user).resolve(marker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isMarked(UserId user) {
        Path dir = layout.userDir(user);
        return Files.exists(dir.resolve(REGISTERING)) || Files.exists(dir.resolve(DELETING));
    }

    /** Moves the user's vault and backup directories aside, each with one atomic rename. */
    OrphanOutcome quarantine(UserId user) {
        Path target = layout.quarantineDir().resolve(STAMP.format(clock.instant()) + "-" + user.value());
        try {
            VaultLayout.createPrivateDirectories(target);
            moveIfPresent(layout.userDir(user), target.resolve("users"));
            moveIfPresent(layout.backupDir(user), target.resolve("backups"));
            EncryptedCopies.forceToDisk(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OrphanOutcome.QUARANTINED;
    }

    private static void moveIfPresent(Path source, Path target) throws IOException {
        if (Files.exists(source)) {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            EncryptedCopies.forceToDisk(source.getParent());
        }
    }
}
