package dev.researchvault.application.transfer;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.transfer.VaultRecords;

import java.io.InputStream;
import java.util.zip.ZipEntry;

/**
 * Imports an export into the caller's vault, all or nothing (docs/export-format.md, "Import"): the manifest is
 * checked first, then the files are stored as they arrive (registered as pending owners, so the reconciliation of
 * unreferenced blobs leaves them alone until their rows exist), then every record is inserted in one vault
 * transaction. Ids are kept; when any is taken, nothing is imported and the conflicts are named. On any failure
 * the files stored so far are deleted again, as a message post does (docs/blobs.md).
 */
public record VaultImportService(VaultWork vault, VaultRecords records, BlobStore blobs, PendingBlobOwners pending,
                                 ImportLimits limits, StorageQuota quota) implements ImportVaultUseCase {

    @Override
    public ImportReport importVault(Session session, InputStream body) {
        ImportZip zip = new ImportZip(body, limits);
        ZipEntry first = zip.next();
        if (first == null || !first.getName().equals(ExportManifest.ENTRY)) {
            throw ImportErrors.noManifest();
        }
        ExportManifest.check(JsonReading.object(zip.text(ImportLimits.MAX_SMALL_ENTRY_BYTES), ExportManifest.ENTRY));
        return vault.inVault(session, () -> new ImportRun(this, zip).run());
    }
}
