package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.EncryptedCopies;
import dev.researchvault.adapter.persistence.vault.files.KdfRowFile;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a password change: re-encrypted copies of the live files and of every backup, staged as
 * {@code *.rekey} beside them, swapped in together once the new key parameters are recorded. Backups are
 * re-encrypted too, so that every backup opens with the current password: a password change used to delete
 * them all, and with them the only copy taken before a damage.
 */
final class Rekeying {

    private static final Logger LOG = LoggerFactory.getLogger(Rekeying.class);

    private final VaultLayout layout;
    private final EncryptedCopies copies;
    private final StagedFiles staged = new StagedFiles(".rekey");

    Rekeying(VaultLayout layout, EncryptedCopies copies) {
        this.layout = layout;
        this.copies = copies;
    }

    /**
     * Stages copies under {@code newKey}. The live files must copy (a wrong current key fails here); a backup
     * that cannot be copied (damaged) is left as it is, under the old key its {@code kdf.properties} names.
     */
    void stage(UserId user, MasterKey currentKey, MasterKey newKey, KdfParameters newKdf) {
        try {
            Path live = layout.userDir(user);
            for (VaultFile file : VaultFile.values()) {
                copies.reencrypt(live.resolve(file.fileName()), currentKey, newKey, file, staged.path(live, file));
            }
            KdfRowFile.write(staged.path(live, KdfRowFile.NAME), newKdf);
            for (Path backup : layout.backupDirs(user)) {
                stageBackup(user, backup, currentKey, newKey, newKdf);
            }
        } catch (RuntimeException failure) {
            discard(user);
            throw failure;
        }
    }

    private void stageBackup(UserId user, Path backup, MasterKey currentKey, MasterKey newKey, KdfParameters newKdf) {
        try {
            for (VaultFile file : VaultFile.values()) {
                copies.reencrypt(backup.resolve(file.fileName()), currentKey, newKey, file, staged.path(backup, file));
            }
            KdfRowFile.write(staged.path(backup, KdfRowFile.NAME), newKdf);
        } catch (RuntimeException damaged) {
            staged.discard(backup);
            LOG.warn("event=backup.not-rekeyed user={} backup={} error={}", user, backup.getFileName(),
                    damaged.getClass().getSimpleName());
        }
    }

    boolean anyPresent(UserId user) {
        return dirs(user).stream().anyMatch(staged::anyPresent);
    }

    /** Swaps every staged copy in; finishes a swap a crash interrupted. Backups first, the live files last. */
    void swapIn(UserId user) {
        for (Path dir : dirs(user)) {
            staged.swapIn(dir);
        }
    }

    void discard(UserId user) {
        for (Path dir : dirs(user)) {
            staged.discard(dir);
        }
    }

    private List<Path> dirs(UserId user) {
        List<Path> dirs = new ArrayList<>(layout.backupDirs(user));
        dirs.add(layout.userDir(user));
        return dirs;
    }
}
