package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.vault.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Writes consistent, compact, encrypted copies of a database with {@code VACUUM INTO} (the driver has no
 * {@code sqlcipher_export}, docs/traps.md S6), verifies them, and swaps files atomically. Used by password
 * changes (a copy under the new key) and backups (a copy under the same key).
 */
public final class EncryptedCopies {

    private final SqlCipher.ConnectionSettings settings;

    public EncryptedCopies(SqlCipher.ConnectionSettings settings) {
        this.settings = settings;
    }

    /** Copies {@code source} (under {@code sourceKey}) to {@code target} under {@code targetKey}, verified. */
    public void reencrypt(Path source, MasterKey sourceKey, MasterKey targetKey, VaultFile file, Path target) {
        byte[] sourceRaw = FileKeys.derive(sourceKey, file);
        byte[] targetRaw = FileKeys.derive(targetKey, file);
        try {
            Files.deleteIfExists(target);
            try (Connection connection = SqlCipher.openReadOnly(source, sourceRaw, file, settings);
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + SqlCipher.encryptedTargetUri(target, targetRaw) + "'");
            } catch (SQLException failure) {
                if (SqlCipher.isWrongKey(failure)) {
                    throw wrongKey();
                }
                throw new UnavailableException("vault.copy-failed", "the vault could not be copied");
            }
            if (!passesQuickCheck(target, targetRaw, file)) {
                throw new UnavailableException("vault.copy-failed", "the copy of the vault did not verify");
            }
            forceToDisk(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException failure) {
            deleteQuietly(target);
            throw failure;
        } finally {
            Arrays.fill(sourceRaw, (byte) 0);
            Arrays.fill(targetRaw, (byte) 0);
        }
    }

    /** True when {@code file} opens with {@code rawKey} and {@code PRAGMA quick_check} answers ok. */
    boolean passesQuickCheck(Path file, byte[] rawKey, VaultFile kind) {
        try (Connection connection = SqlCipher.openReadOnly(file, rawKey, kind, settings);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
            return result.next() && "ok".equals(result.getString(1)) && !result.next();
        } catch (SQLException failure) {
            return false;
        }
    }

    /** Moves {@code copy} over {@code live} in one atomic rename, dropping the live file's stale companions. */
    public static void replaceAtomically(Path copy, Path live) {
        try {
            for (Path companion : VaultLayout.withCompanions(live).subList(1, 4)) {
                Files.deleteIfExists(companion);
            }
            Files.move(copy, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceToDisk(live.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fsync: {@code VACUUM INTO} does not sync its output, and a rename is durable only once the directory is. */
    public static void forceToDisk(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to sync a directory; the data itself was synced where it could be.
            if (!Files.isDirectory(path)) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Leftover copies are removed by the next recovery; nothing more to do here.
        }
    }

    /** Thrown when the current key does not open a file. */
    private static UnauthenticatedException wrongKey() {
        return new UnauthenticatedException("account.invalid-credentials", "username or password is wrong");
    }
}
