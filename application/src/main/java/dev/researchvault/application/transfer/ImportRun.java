package dev.researchvault.application.transfer;

import dev.researchvault.application.blob.StorageQuota;
import dev.researchvault.application.blob.PendingBlobOwners;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.transfer.RecordKind;
import dev.researchvault.domain.transfer.VaultRecord;
import dev.researchvault.domain.transfer.VaultRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;

/**
 * One import, inside the caller's bound vault: files first, then the records in one transaction. Keeps the keys
 * of the files it stored (about a hundred bytes each), so a failure deletes exactly those and never a file the
 * vault already had.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
    /** How many conflicts a refusal names; the rest are counted. */
    private static final int CONFLICTS_NAMED = 20;
    private static final Map<String, RecordKind> KINDS = kindsByFileName();

    private final VaultImportService service;
    private final ImportZip zip;
    private final List<BlobKey> stored = new ArrayList<>();
    private final Map<UUID, PendingBlobOwners.Registration> owners = new HashMap<>();
    private final List<String> conflicts = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long conflictCount;

    ImportRun(VaultImportService service, ImportZip zip) {
        this.service = service;
        this.zip = zip;
    }

    ImportVaultUseCase.ImportReport run() {
        boolean done = false;
        try {
            ZipEntry entry = zip.next();
            while (entry != null && entry.getName().startsWith(FileEntries.PREFIX)) {
                importFile(FileEntries.keyOfMetadata(entry.getName()));
                entry = zip.next();
            }
            ZipEntry firstRecords = entry;
            service.vault().inTransaction(() -> {
                importRecords(firstRecords);
                service.records().checkReferences();
                if (conflictCount > 0) {
                    throw ImportErrors.conflict(conflicts, conflictCount);
                }
                return null;
            });
            done = true;
            return new ImportVaultUseCase.ImportReport(counts, stored.size());
        } finally {
            if (!done) {
                discardFiles();
            }
            owners.values().forEach(PendingBlobOwners.Registration::close);
        }
    }

    private void importFile(BlobKey key) {
        Map<String, Object> metadata = JsonReading.object(zip.text(ImportLimits.MAX_SMALL_ENTRY_BYTES),
                FileEntries.metadataName(key));
        if (!key.value().equals(metadata.get("key")) || !(metadata.get("mime") instanceof String mime)
                || !(metadata.get("size") instanceof Long size) || size < 0
                || !(metadata.get("sha256") instanceof String sha256)) {
            throw ImportErrors.badFile("the metadata of a file does not name its key, type, size and SHA-256");
        }
        if (size > service.limits().maxFileBytes()) {
            throw ImportErrors.tooLarge("a file", service.limits().maxFileBytes());
        }
        ZipEntry bytes = zip.next();
        if (bytes == null || !bytes.getName().equals(FileEntries.bytesName(key))) {
            throw ImportErrors.unexpectedEntry();
        }
        if (service.blobs().exists(key)) {
            conflict("file " + key.value());
            return;
        }
        // Each file against what is stored at that moment, the import's earlier files included: an archive cannot
        // carry a vault past its storage quota (413 vault.quota-exceeded, and the whole import is undone).
        BlobInfo saved;
        try (StorageQuota.Reservation reserved = service.quota().admit(size)) {
            owners.computeIfAbsent(key.messageId(), service.pending()::register);
            try {
                saved = service.blobs().save(key, mime, size, zip.content());
            } finally {
                // Saved or not, the key may hold bytes now: a failure must find it in the list.
                stored.add(key);
            }
        }
        if (!saved.digest().sha256Hex().equalsIgnoreCase(sha256)) {
            throw ImportErrors.badFile("a file's bytes do not have the SHA-256 its metadata names");
        }
    }

    private void importRecords(ZipEntry first) {
        for (ZipEntry entry = first; entry != null; entry = zip.next()) {
            RecordKind kind = KINDS.get(entry.getName());
            if (kind == null) {
                throw ImportErrors.unexpectedEntry();
            }
            Lines lines = new Lines(zip.lines(), entry.getName());
            List<String> taken = service.records().insert(kind, lines);
            taken.forEach(this::conflict);
            counts.merge(kind.wireName(), lines.read - taken.size(), Long::sum);
        }
    }

    private void conflict(String description) {
        conflictCount++;
        if (conflicts.size() < CONFLICTS_NAMED) {
            conflicts.add(description);
        }
    }

    private void discardFiles() {
        try {
            for (BlobKey key : stored) {
                service.blobs().delete(key);
            }
        } catch (RuntimeException failure) {
            // Only space: the owners' rows were never committed, so the next reconciliation removes them.
            LOG.warn("event=import.files-orphaned error={}", failure.getClass().getSimpleName());
        }
    }

    private static Map<String, RecordKind> kindsByFileName() {
        Map<String, RecordKind> kinds = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            kinds.put(kind.fileName(), kind);
        }
        return Map.copyOf(kinds);
    }

    /** The records of one JSON Lines entry, parsed as the insert asks for them, and counted. */
    private static final class Lines implements Iterator<VaultRecord> {
        private final Iterator<String> text;
        private final String entry;
        private long read;

        Lines(Iterator<String> text, String entry) {
            this.text = text;
            this.entry = entry;
        }

        @Override
        public boolean hasNext() {
            return text.hasNext();
        }

        @Override
        public VaultRecord next() {
            read++;
            Map<String, Object> fields = JsonReading.object(text.next(), entry + " line " + read);
            try {
                return new VaultRecord(fields);
            } catch (IllegalArgumentException notFlat) {
                throw new RuleViolationException(JsonReading.INVALID,
                        entry + " line " + read + " has a field that is neither text, a whole number nor null");
            }
        }
    }
}
