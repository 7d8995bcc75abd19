package dev.researchvault.domain.backup;

import dev.researchvault.domain.account.KdfParameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The files of one backup, opened for reading: the encrypted copies as they are on disk, and the KDF row they are
 * under (empty for a backup older than {@code kdf.properties}). Opened files stay readable whatever happens to
 * the backup afterwards (a retention that deletes it, a password change that re-encrypts it): what is read is the
 * backup as it was when opened. Close it when done.
 */
public record BackupFiles(Optional<KdfParameters> kdf, List<File> files) implements AutoCloseable {

    /** One file of the backup: its name in the backup directory, its size and its bytes. */
    public record File(String name, long size, InputStream content) {
    }

    public BackupFiles {
        files = List.copyOf(files);
    }

    @Override
    public void close() {
        UncheckedIOException first = null;
        for (File file : files) {
            try {
                file.content().close();
            } catch (IOException failure) {
                first = first == null ? new UncheckedIOException(failure) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
