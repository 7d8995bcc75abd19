package dev.researchvault.benchmarks.storage;

import dev.researchvault.adapter.persistence.settings.JdbcSettingsStore;
import dev.researchvault.application.vault.Transactions;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.Vaults;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Our stack as the services use it: the persistence adapters' Micronaut context over a real encrypted vault
 * (Flyway-migrated, pooled, routed), each call inside {@link VaultScope#call} and, where the service uses
 * one, {@link Transactions#inTransaction}. Settings are read through {@link JdbcSettingsStore}, the SQL
 * layer under the per-user cache, because a cache hit would measure no storage at all.
 */
final class AdapterSide implements StorageSide {

    private static final String MIME = "application/octet-stream";

    private final ApplicationContext context;
    private final Seed seed;
    private final UserId user = UserId.random();
    private final MasterKey key = randomKey();
    private final VaultScope scope;
    private final Transactions transactions;
    private final ResearchRepository research;
    private final BlobStore blobs;
    private final JdbcSettingsStore settings;
    private int inserted;

    AdapterSide(Path dataDir, Seed seed) {
        this.seed = seed;
        context = ApplicationContext.run(Map.of("vault.data-dir", dataDir.toString(),
                "datasources.default.dialect", "ANSI"));
        scope = context.getBean(VaultScope.class);
        transactions = context.getBean(Transactions.class);
        research = context.getBean(ResearchRepository.class);
        blobs = context.getBean(BlobStore.class);
        settings = context.getBean(JdbcSettingsStore.class);
        context.getBean(Vaults.class).create(user, key);
        fill();
    }

    private static MasterKey randomKey() {
        byte[] bytes = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    private void fill() {
        inVault(() -> transactions.inTransaction(() -> {
            seed.researchIds.forEach(id -> research.add(newResearch(id)));
            return null;
        }));
        for (int i = 0; i < Seed.SETTINGS; i++) {
            String name = "bench.setting_" + i;
            String value = Integer.toString(i);
            inVault(() -> {
                settings.put(user, name, value);
                return null;
            });
        }
        inVault(() -> blobs.save(BlobKey.parse(seed.readBlobKey()), MIME, seed.blobBytes));
    }

    private Research newResearch(UUID id) {
        return Research.create(id, Seed.query(inserted++), "deep", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private <T> T inVault(Supplier<T> work) {
        return scope.call(user, key, work);
    }

    @Override
    public Object insertResearch() {
        Research row = newResearch(UUID.randomUUID());
        return inVault(() -> {
            research.add(row);
            return row;
        });
    }

    @Override
    public Object findResearch() {
        UUID id = seed.someResearch();
        return inVault(() -> research.find(id));
    }

    @Override
    public Object pageOf20() {
        return inVault(() -> research.list(ResearchFilter.all(), PageRequest.first()));
    }

    @Override
    public Object appendLog() {
        ResearchLog line = ResearchLog.unnumbered(seed.logResearch, "info", "fetched 12 sources", 40,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return inVault(() -> transactions.inTransaction(() -> research.appendLog(line)));
    }

    @Override
    public Object readSettings() {
        return inVault(() -> settings.overrides(user));
    }

    @Override
    public Object saveBlob() {
        BlobKey blobKey = BlobKey.parse(seed.saveBlobKey());
        return inVault(() -> blobs.save(blobKey, MIME, seed.blobBytes));
    }

    @Override
    public Object getBlob() {
        BlobKey blobKey = BlobKey.parse(seed.readBlobKey());
        return inVault(() -> blobs.get(blobKey));
    }

    @Override
    public void close() {
        context.close();
    }
}
