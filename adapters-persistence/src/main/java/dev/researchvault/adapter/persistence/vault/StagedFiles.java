package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of a user's files staged next to the live ones under a suffix ({@code vault.db.rekey},
 * {@code blobs.db.restore}), then swapped in by atomic renames or discarded. The live files are never
 * touched until {@link #swapIn}.
 */
final class StagedFiles {

    private final VaultLayout layout;
    private final String suffix;

    StagedFiles(VaultLayout layout, String suffix) {
        this.layout = layout;
        this.suffix = suffix;
    }

    Path path(UserId user, VaultFile file) {
        return layout.userDir(user).resolve(file.fileName() + suffix);
    }

    boolean anyPresent(UserId user) {
        for (VaultFile file : VaultFile.values()) {
            if (Files.exists(path(user, file))) {
                return true;
            }
        }
        return false;
    }

    /** Renames every staged copy over its live file (each rename atomic, then the directory synced). */
    void swapIn(UserId user) {
        for (VaultFile file : VaultFile.values()) {
            Path copy = path(user, file);
            if (Files.exists(copy)) {
                EncryptedCopies.replaceAtomically(copy, layout.file(user, file));
            }
        }
    }

    /** Deletes every staged copy. Idempotent. */
    void discard(UserId user) {
        for (VaultFile file : VaultFile.values()) {
            try {
                Files.deleteIfExists(path(user, file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
