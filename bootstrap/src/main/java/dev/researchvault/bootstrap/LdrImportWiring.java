package dev.researchvault.bootstrap;

import dev.researchvault.adapter.persistence.ldr.SqlCipherLdrDatabaseReader;
import dev.researchvault.adapter.persistence.settings.CachingSettingsStore;
import dev.researchvault.application.ldr.LdrImportService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.settings.SettingsCatalog;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the import from Local Deep Research over the research, API-key and settings ports. */
@Factory
public class LdrImportWiring {

    @Singleton
    LdrImportService ldrImportService(SqlCipherLdrDatabaseReader reader, VaultWork vault, ResearchRepository research,
                                      ApiKeyStore apiKeys, SettingsCatalog catalog, CachingSettingsStore settings,
                                      Clock clock) {
        return new LdrImportService(reader, vault, research, apiKeys, catalog, settings, clock);
    }
}
