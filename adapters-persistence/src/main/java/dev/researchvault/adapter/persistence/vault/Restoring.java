package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.domain.account.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The files of a restore: copies of the backup staged as {@code *.restore} beside the live files, then a
 * {@code restore.ready} marker, then the renames. Two files cannot be renamed in one step; the marker makes
 * the pair atomic across a crash: with it, recovery finishes the renames (every copy is complete), without
 * it, recovery discards the copies and the live files stay as they were.
 */
final class Restoring {

    static final String READY_MARKER = "restore.ready";

    private final VaultLayout layout;
    private final StagedFiles staged = new StagedFiles(".restore");

    Restoring(VaultLayout layout) {
        this.layout = layout;
    }

    /** Replaces the live files with {@code sources}; the vault must be closed and no request running. */
    void replace(UserId user, Map<VaultFile, Path> sources) {
        Path live = layout.userDir(user);
        try {
            for (Map.Entry<VaultFile, Path> source : sources.entrySet()) {
                Path copy = staged.path(live, source.getKey());
                Files.copy(source.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
                EncryptedCopies.forceToDisk(copy);
            }
            Files.createFile(live.resolve(READY_MARKER));
            EncryptedCopies.forceToDisk(live);
        } catch (IOException | RuntimeException failure) {
            // Nothing live was touched yet: drop the staged copies and report.
            discard(user);
            throw failure instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) failure);
        }
        finish(user);
    }

    boolean hasLeftovers(UserId user) {
        Path live = layout.userDir(user);
        return staged.anyPresent(live) || Files.exists(live.resolve(READY_MARKER));
    }

    /** Finishes a restore whose copies were all in place, or discards one that was cut short. Idempotent. */
    void recover(UserId user) {
        if (Files.exists(layout.userDir(user).resolve(READY_MARKER))) {
            finish(user);
        } else {
            discard(user);
        }
    }

    private void finish(UserId user) {
        Path live = layout.userDir(user);
        staged.swapIn(live);
        deleteMarker(live);
    }

    private void discard(UserId user) {
        Path live = layout.userDir(user);
        staged.discard(live);
        deleteMarker(live);
    }

    private static void deleteMarker(Path live) {
        try {
            Files.deleteIfExists(live.resolve(READY_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
