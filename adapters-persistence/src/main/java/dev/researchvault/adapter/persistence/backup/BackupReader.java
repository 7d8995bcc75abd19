package dev.researchvault.adapter.persistence.backup;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import dev.researchvault.domain.backup.BackupFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a backup's files for a download. Every file is opened before anything is read, and an open file keeps
 * its bytes on POSIX systems even when it is renamed over (a password change re-encrypting the backup) or
 * deleted (retention): the download is the backup as it was at that moment, with the KDF row read then.
 */
final class BackupReader {

    private BackupReader() {
    }

    /** @return empty when a copy is missing (the backup was deleted meanwhile) */
    static Optional<BackupFiles> open(Path backup) {
        List<BackupFiles.File> opened = new ArrayList<>();
        try {
            for (VaultFile file : VaultFile.values()) {
                opened.add(openFile(backup.resolve(file.fileName())));
            }
            for (String optional : List.of(KdfRowFile.NAME, BackupManifest.NAME)) {
                if (Files.exists(backup.resolve(optional))) {
                    opened.add(openFile(backup.resolve(optional)));
                }
            }
            return Optional.of(new BackupFiles(KdfRowFile.read(backup.resolve(KdfRowFile.NAME)), opened));
        } catch (NoSuchFileException gone) {
            new BackupFiles(Optional.empty(), opened).close();
            return Optional.empty();
        } catch (IOException unreadable) {
            new BackupFiles(Optional.empty(), opened).close();
            throw new UncheckedIOException(unreadable);
        }
    }

    private static BackupFiles.File openFile(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        // The size of what was opened, not of the path: a file renamed over it later is another file.
        InputStream content = Channels.newInputStream(channel);
        return new BackupFiles.File(file.getFileName().toString(), channel.size(), content);
    }
}
