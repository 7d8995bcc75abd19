package dev.researchvault.application.transfer;

import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.blob.BlobStream;
import dev.researchvault.domain.transfer.RecordKind;
import dev.researchvault.domain.transfer.VaultRecords;
import dev.researchvault.domain.vault.MasterKey;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a user's vault as a zip (docs/export-format.md): {@code manifest.json}, then every file with its
 * metadata just before it, then one JSON Lines file per kind of record. The records come from one read snapshot
 * of the vault, so the archive is consistent however long it takes to send, and writers are not held up.
 *
 * <p>The writer owns a copy of the session's key: a logout during the download wipes the session's key, not
 * the copy; the vault stays bound (and its files in place: a password change or restore waits for the vault
 * lock, at most {@code vault.lock-timeout}) until the archive is written or the client went away.
 *
 * @param appVersion recorded in the manifest
 */
public record VaultExportService(VaultWork vault, VaultRecords records, BlobStore blobs, PasswordProof proof,
                                 Clock clock, String appVersion) implements ExportVaultUseCase {

    @Override
    public ArchiveWriter export(Session session, boolean includeApiKeys, String password) {
        if (includeApiKeys) {
            if (password == null) {
                throw new RuleViolationException("export.password-required",
                        "exporting API keys needs the account's password");
            }
            try (Password offered = Password.offered(password)) {
                proof.prove(session, offered).destroy();
            }
        }
        List<RecordKind> kinds = Arrays.stream(RecordKind.values()).filter(kind -> includeApiKeys || !kind.secret())
                .toList();
        MasterKey key = new MasterKey(session.key().copyBytes());
        VaultOwner owner = VaultOwner.of(session.userId(), key);
        return out -> {
            try {
                write(owner, kinds, out);
            } finally {
                key.destroy();
            }
        };
    }

    private void write(VaultOwner owner, List<RecordKind> kinds, OutputStream out) throws IOException {
        Instant now = clock.instant();
        try (ExportZip zip = new ExportZip(out, now)) {
            ExportZip.unwrap(() -> vault.inVault(owner, () -> records.inSnapshot(snapshot -> {
                zip.json(ExportManifest.ENTRY, manifest(snapshot, kinds, now).toJson());
                snapshot.forEachBlobKey(key -> blobs.openStream(key).ifPresent(blob -> file(zip, key, blob)));
                for (RecordKind kind : kinds) {
                    zip.lines(kind.fileName(), line -> snapshot.forEach(kind, record -> line.accept(record.fields())));
                }
                return null;
            })));
        }
    }

    private ExportManifest manifest(VaultRecords.Snapshot snapshot, List<RecordKind> kinds, Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        kinds.forEach(kind -> counts.put(kind.wireName(), snapshot.count(kind)));
        long[] files = {0};
        snapshot.forEachBlobKey(key -> files[0] += blobs.exists(key) ? 1 : 0);
        return new ExportManifest(ExportManifest.VERSION, now, appVersion, counts, files[0]);
    }

    /** A file's metadata entry, then its bytes: an import needs the type and size before the bytes arrive. */
    private static void file(ExportZip zip, BlobKey key, BlobStream blob) {
        zip.json(FileEntries.metadataName(key), FileEntries.metadata(key, blob.info()));
        zip.bytes(FileEntries.bytesName(key), blob.content());
    }
}
