package dev.researchvault.bootstrap;

import dev.researchvault.adapter.persistence.settings.CachingSettingsStore;
import dev.researchvault.adapter.persistence.settings.JdbcSettingsStore;
import dev.researchvault.adapter.persistence.settings.SettingsDefaultsFile;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.settings.ApiKeyService;
import dev.researchvault.application.settings.RevealApiKey;
import dev.researchvault.application.settings.SettingsService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.bootstrap.config.SettingsCacheConfiguration;
import dev.researchvault.bootstrap.config.SettingsConfiguration;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.settings.SettingsCatalog;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires settings and API keys: the shipped catalog, the cached store, and the services over them. */
@Factory
public class SettingsWiring {

    /** {@code settings.defaults-resource} lets a test (or a packager) ship another defaults file. */
    @Singleton
    SettingsCatalog settingsCatalog(JsonMapper json, SettingsConfiguration configuration) {
        return SettingsDefaultsFile.load(json, configuration.getDefaultsResource());
    }

    /** The only {@code SettingsStore} bean: the SQLite store is published under its own type alone. */
    @Singleton
    CachingSettingsStore settingsStore(JdbcSettingsStore vaultStore, SettingsCacheConfiguration cache) {
        return new CachingSettingsStore(vaultStore, CurrentVault::owner, cache.getMaxUsers(), cache.getExpireAfterAccess());
    }

    @Singleton
    SettingsService settingsService(SettingsCatalog catalog, CachingSettingsStore store, VaultWork vault) {
        return new SettingsService(catalog, store, vault);
    }

    @Singleton
    ApiKeyService apiKeyService(ApiKeyStore store, VaultWork vault, Clock clock) {
        return new ApiKeyService(store, vault, clock);
    }

    @Singleton
    RevealApiKey revealApiKey(PasswordProof proof, ApiKeyStore store, VaultWork vault, Clock clock) {
        return new RevealApiKey(proof, store, vault, clock);
    }
}
