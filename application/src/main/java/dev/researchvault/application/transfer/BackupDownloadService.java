package dev.researchvault.application.transfer;

import dev.researchvault.application.account.AccountLifecycle;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.Session;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.backup.BackupFiles;
import dev.researchvault.domain.backup.Backups;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Downloads of backups. The backup's files are opened under the account's lifecycle lock, with the session
 * still current, and streamed after it is released: opened files read as they were (BackupFiles), so a
 * password change or retention running during a long download neither waits for it nor changes what it sends.
 */
public record BackupDownloadService(Backups backups, PasswordProof proof, AccountLifecycle lifecycle, Clock clock)
        implements DownloadBackupUseCase {

    static final String DESCRIPTION = "backup.json";

    @Override
    public ArchiveWriter download(Session session, String name, String password) {
        try (Password offered = Password.offered(password)) {
            proof.prove(session, offered).destroy();
        }
        BackupFiles files = lifecycle.exclusively(session.userId(), () -> {
            lifecycle.requireCurrent(session);
            return backups.open(session.userId(), name)
                    .orElseThrow(() -> new NotFoundException("backup.not-found", "no backup of that name"));
        });
        // A backup older than its kdf.properties is under the account's current row (password changes
        // re-encrypt every backup).
        KdfParameters kdf = files.kdf().orElseGet(() -> proof.accountOf(session).kdf());
        return out -> write(name, kdf, files, out);
    }

    private void write(String name, KdfParameters kdf, BackupFiles files, OutputStream out) throws java.io.IOException {
        try (files; ExportZip zip = new ExportZip(out, clock.instant())) {
            ExportZip.unwrap(() -> {
                zip.json(DESCRIPTION, description(name, kdf, files));
                files.files().forEach(file -> zip.bytes(file.name(), file.content()));
            });
        }
    }

    private static Map<String, Object> description(String name, KdfParameters kdf, BackupFiles files) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "research-vault-backup");
        json.put("version", 1L);
        json.put("backup", name);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("algorithm", kdf.algorithm().name());
        parameters.put("memoryKib", (long) kdf.memoryKib());
        parameters.put("iterations", (long) kdf.iterations());
        parameters.put("parallelism", (long) kdf.parallelism());
        parameters.put("salt", Base64.getEncoder().encodeToString(kdf.salt()));
        json.put("kdf", parameters);
        // The labels of docs/file-format.md step 3, so the archive alone says how each file key is made.
        Map<String, Object> fileKeys = new LinkedHashMap<>();
        fileKeys.put("derivation", "HKDF-SHA256, empty salt, the master key as input, 32 bytes");
        fileKeys.put("vault.db", "research-vault/v1/vault.db");
        fileKeys.put("blobs.db", "research-vault/v1/blobs.db");
        json.put("fileKeys", fileKeys);
        json.put("cipher", "SQLCipher 4 defaults with a raw key (PRAGMA key = \"x'<hex>'\"); blobs.db page size 16384,"
                + " or 4096 for a blobs.db created before 2026-11-23");
        Map<String, Object> sizes = new LinkedHashMap<>();
        files.files().forEach(file -> sizes.put(file.name(), file.size()));
        json.put("files", sizes);
        json.put("howToOpen", "docs/file-format.md");
        return json;
    }
}
