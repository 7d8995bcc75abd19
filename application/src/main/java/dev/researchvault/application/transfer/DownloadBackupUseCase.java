package dev.researchvault.application.transfer;

import dev.researchvault.application.account.Session;

/** Takes a backup away: its encrypted files and what opening them takes besides the password. */
public interface DownloadBackupUseCase {

    /**
     * Prepares the download of one backup after proving the password again: a zip of the encrypted copies as
     * they are on disk, their {@code kdf.properties} and {@code backup.properties}, and {@code backup.json}
     * (KDF parameters and salt, file-key labels, cipher settings: docs/file-format.md).
     *
     * @throws dev.researchvault.domain.UnauthenticatedException a wrong password, or a session ended meanwhile
     * @throws dev.researchvault.domain.NotFoundException        {@code backup.not-found}
     */
    ArchiveWriter download(Session session, String name, String password);
}
