package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies of a vault directory's files (the live one, or a backup) staged next to them under a suffix
 * ({@code vault.db.rekey}, {@code blobs.db.restore}, {@code kdf.properties.rekey}), then swapped in by atomic
 * renames or discarded. The live files are never touched until {@link #swapIn}, and a swap interrupted half
 * way is finished by calling it again: each staged copy still present is one not yet renamed.
 */
final class StagedFiles {

    /** Every file of a vault directory that may be staged. */
    private static final List<String> NAMES =
            List.of(VaultFile.VAULT.fileName(), VaultFile.BLOBS.fileName(), KdfRowFile.NAME);

    private final String suffix;

    StagedFiles(String suffix) {
        this.suffix = suffix;
    }

    Path path(Path dir, String fileName) {
        return dir.resolve(fileName + suffix);
    }

    Path path(Path dir, VaultFile file) {
        return path(dir, file.fileName());
    }

    boolean anyPresent(Path dir) {
        return NAMES.stream().anyMatch(name -> Files.exists(path(dir, name)));
    }

    /** Renames every staged copy over its live file (each rename atomic, then the directory synced). */
    void swapIn(Path dir) {
        for (String name : NAMES) {
            Path copy = path(dir, name);
            if (Files.exists(copy)) {
                EncryptedCopies.replaceAtomically(copy, dir.resolve(name));
            }
        }
    }

    /** Deletes every staged copy and what SQLite left beside it (a copy killed mid-write has a journal). Idempotent. */
    void discard(Path dir) {
        for (String name : NAMES) {
            Path copy = path(dir, name);
            // Beside a staged database SQLite may have left its journal; beside a properties file, its temporary.
            for (Path part : java.util.stream.Stream.concat(VaultLayout.withCompanions(copy).stream(),
                    java.util.stream.Stream.of(Path.of(copy + ".tmp"))).toList()) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
