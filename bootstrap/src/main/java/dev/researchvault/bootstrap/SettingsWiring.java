package dev.researchvault.bootstrap;

import dev.researchvault.adapter.persistence.settings.CachingSettingsStore;
import dev.researchvault.adapter.persistence.settings.JdbcSettingsStore;
import dev.researchvault.adapter.persistence.settings.SettingsDefaultsFile;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.application.settings.ApiKeyService;
import dev.researchvault.application.settings.SettingsService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.settings.SettingsCatalog;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires settings and API keys: the shipped catalog, the cached store, and the services over them. */
@Factory
public class SettingsWiring {

    /** {@code settings.defaults-resource} lets a test (or a packager) ship another defaults file. */
    @Singleton
    SettingsCatalog settingsCatalog(JsonMapper json,
                                    @Value("${settings.defaults-resource:" + SettingsDefaultsFile.SHIPPED + "}") String resource) {
        return SettingsDefaultsFile.load(json, resource);
    }

    /** The only {@code SettingsStore} bean: the SQLite store is published under its own type alone. */
    @Singleton
    CachingSettingsStore settingsStore(JdbcSettingsStore vaultStore,
                                       @Value("${settings.cache.max-users:1024}") long maxUsers,
                                       @Value("${settings.cache.expire-after-access:10m}") Duration expireAfterAccess) {
        return new CachingSettingsStore(vaultStore, CurrentVault::owner, maxUsers, expireAfterAccess);
    }

    @Singleton
    SettingsService settingsService(SettingsCatalog catalog, CachingSettingsStore store, VaultWork vault) {
        return new SettingsService(catalog, store, vault);
    }

    @Singleton
    ApiKeyService apiKeyService(ApiKeyStore store, VaultWork vault, Clock clock) {
        return new ApiKeyService(store, vault, clock);
    }
}
