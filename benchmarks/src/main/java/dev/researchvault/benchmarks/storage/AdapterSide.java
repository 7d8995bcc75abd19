package dev.researchvault.benchmarks.storage;

import dev.researchvault.adapter.persistence.settings.JdbcSettingsStore;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Our stack as the services use it: the persistence adapters over a real encrypted vault (Flyway-migrated,
 * pooled, routed), each call inside {@code VaultScope.call} and, where the service uses one, a transaction.
 * Settings are read through {@link JdbcSettingsStore}, the SQL layer under the per-user cache, because a
 * cache hit would measure no storage at all.
 */
final class AdapterSide implements StorageSide {

    private static final String MIME = "application/octet-stream";

    private final EncryptedVault vault;
    private final Seed seed;
    private final ResearchRepository research;
    private final BlobStore blobs;
    private final JdbcSettingsStore settings;
    private int inserted;

    AdapterSide(Seed seed) throws Exception {
        this.seed = seed;
        vault = new EncryptedVault();
        research = vault.bean(ResearchRepository.class);
        blobs = vault.bean(BlobStore.class);
        settings = vault.bean(JdbcSettingsStore.class);
        fill();
    }

    private void fill() {
        vault.inTransaction(() -> {
            seed.researchIds.forEach(id -> research.add(newResearch(id)));
            return null;
        });
        for (int i = 0; i < Seed.SETTINGS; i++) {
            String name = "bench.setting_" + i;
            String value = Integer.toString(i);
            vault.inVault(() -> {
                settings.put(name, value);
                return null;
            });
        }
        vault.inVault(() -> blobs.save(BlobKey.parse(seed.readBlobKey()), MIME, seed.blobBytes));
    }

    private Research newResearch(UUID id) {
        return Research.create(id, Seed.query(inserted++), "deep", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public Object insertResearch() {
        Research row = newResearch(UUID.randomUUID());
        return vault.inVault(() -> {
            research.add(row);
            return row;
        });
    }

    @Override
    public Object findResearch() {
        UUID id = seed.someResearch();
        return vault.inVault(() -> research.find(id));
    }

    @Override
    public Object pageOf20() {
        return vault.inVault(() -> research.list(ResearchFilter.all(), PageRequest.first()));
    }

    @Override
    public Object appendLog() {
        ResearchLog line = ResearchLog.unnumbered(seed.logResearch, "info", "fetched 12 sources", 40,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return vault.inTransaction(() -> research.appendLog(line));
    }

    @Override
    public Object readSettings() {
        return vault.inVault(() -> settings.overrides());
    }

    @Override
    public Object saveBlob() {
        BlobKey blobKey = BlobKey.parse(seed.saveBlobKey());
        return vault.inVault(() -> blobs.save(blobKey, MIME, seed.blobBytes));
    }

    @Override
    public Object getBlob() {
        BlobKey blobKey = BlobKey.parse(seed.readBlobKey());
        return vault.inVault(() -> blobs.get(blobKey));
    }

    @Override
    public void close() throws Exception {
        vault.close();
    }
}
