package dev.researchvault.application.ldr;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.apikey.ApiKey;
import dev.researchvault.domain.apikey.ApiKeySecret;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.apikey.ProviderName;
import dev.researchvault.domain.ldr.LdrApiKey;
import dev.researchvault.domain.ldr.LdrDatabase;
import dev.researchvault.domain.ldr.LdrDatabaseReader;
import dev.researchvault.domain.ldr.LdrResearch;
import dev.researchvault.domain.ldr.LdrSetting;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchReport;
import dev.researchvault.domain.research.ResearchRepository;
import dev.researchvault.domain.settings.SettingDefinition;
import dev.researchvault.domain.settings.SettingValue;
import dev.researchvault.domain.settings.SettingsCatalog;
import dev.researchvault.domain.settings.SettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports an LDR database (docs/ldr-import.md). The file is opened and its key proven before the vault is
 * touched, so a wrong password changes nothing. Research, reports, resources, logs and API keys then go in one
 * transaction: all of them, or none. Settings follow, each written on its own once that transaction has
 * committed, because the settings cache in front of the store relies on every write having committed when it
 * drops its entry (see {@code CachingSettingsStore}).
 */
public record LdrImportService(LdrDatabaseReader reader, VaultWork vault, ResearchRepository research,
                               ApiKeyStore apiKeys, SettingsCatalog catalog, SettingsStore settings, Clock clock)
        implements ImportLdrUseCase {

    @Override
    public LdrImportResult importLdr(Session session, ImportLdrCommand command) {
        LdrImportResult.Tally tally = new LdrImportResult.Tally();
        try (command; LdrDatabase ldr = reader.open(command.database(), command.salt(), command.password())) {
            List<LdrSetting> ldrSettings = ldr.settings();
            List<LdrApiKey> ldrKeys = LdrApiKeys.all(ldr.apiKeys(), ldrSettings);
            vault.inTransaction(session, () -> {
                Map<String, Imported> imported = importResearch(ldr, tally);
                importResources(ldr, imported, tally);
                importLogs(ldr, imported, tally);
                ldrKeys.forEach(key -> importApiKey(key, tally));
                return imported.size();
            });
            vault.inVault(session, () -> {
                ldrSettings.forEach(setting -> importSetting(setting, tally));
                return tally;
            });
        }
        return tally.result();
    }

    /** A research now in the vault, by its LDR id: where its resources and log lines go. */
    private record Imported(UUID id, Instant createdAt) {
    }

    private Map<String, Imported> importResearch(LdrDatabase ldr, LdrImportResult.Tally tally) {
        Map<String, Imported> imported = new HashMap<>();
        ldr.research(row -> {
            Optional<Research> mapped = LdrRows.research(row).filter(candidate -> research.find(candidate.id()).isEmpty());
            if (mapped.isEmpty()) {
                tally.skipped(LdrKind.RESEARCH);
                if (hasReport(row)) {
                    tally.skipped(LdrKind.REPORTS);
                }
                return;
            }
            research.add(mapped.get());
            tally.imported(LdrKind.RESEARCH);
            imported.put(String.valueOf(row.id()), new Imported(mapped.get().id(), mapped.get().createdAt()));
            if (hasReport(row)) {
                importReport(mapped.get(), row.report(), tally);
            }
        });
        return imported;
    }

    private void importReport(Research owner, String content, LdrImportResult.Tally tally) {
        Instant at = owner.completedAt() != null ? owner.completedAt() : owner.createdAt();
        try {
            research.putReport(ResearchReport.draft(owner.id(), content, ResearchReport.MARKDOWN, at));
            tally.imported(LdrKind.REPORTS);
        } catch (RuleViolationException tooLong) {
            tally.skipped(LdrKind.REPORTS);
        }
    }

    private void importResources(LdrDatabase ldr, Map<String, Imported> imported, LdrImportResult.Tally tally) {
        ldr.resources(row -> importChild(imported.get(String.valueOf(row.researchId())),
                owner -> LdrRows.resource(row, owner.id(), owner.createdAt()),
                resource -> research.addResources(List.of(resource)), LdrKind.RESOURCES, tally));
    }

    private void importLogs(LdrDatabase ldr, Map<String, Imported> imported, LdrImportResult.Tally tally) {
        ldr.logs(row -> importChild(imported.get(String.valueOf(row.researchId())),
                owner -> LdrRows.logLine(row, owner.id(), owner.createdAt()), research::appendLog, LdrKind.LOGS, tally));
    }

    /** A row of a research: stored when its research was imported ({@code owner} not null) and our rules take it. */
    private static <T> void importChild(Imported owner, Function<Imported, Optional<T>> mapping, Consumer<T> store,
                                        LdrKind kind, LdrImportResult.Tally tally) {
        Optional<T> mapped = owner == null ? Optional.empty() : mapping.apply(owner);
        mapped.ifPresentOrElse(found -> {
            store.accept(found);
            tally.imported(kind);
        }, () -> tally.skipped(kind));
    }

    /** A key for a provider the caller has no key for yet; one the caller has is theirs and stays. */
    private void importApiKey(LdrApiKey key, LdrImportResult.Tally tally) {
        try {
            ProviderName provider = new ProviderName(key.provider());
            if (apiKeys.find(provider).isPresent()) {
                tally.skipped(LdrKind.API_KEYS);
                return;
            }
            apiKeys.save(ApiKey.stored(provider, ApiKeySecret.of(key.key()), key.description(), key.active(),
                    clock.instant()));
            tally.imported(LdrKind.API_KEYS);
        } catch (RuleViolationException refused) {
            tally.skipped(LdrKind.API_KEYS);
        }
    }

    /** A changed LDR setting with a counterpart, unless the caller already overrides that setting here. */
    private void importSetting(LdrSetting setting, LdrImportResult.Tally tally) {
        LdrSettings.changed(setting).ifPresent(counterpart -> {
            Optional<SettingDefinition> definition = catalog.find(counterpart.ourKey());
            Optional<SettingValue> value = definition.flatMap(found -> LdrSettings.accepted(found, setting.value()));
            if (value.isEmpty() || settings.overrides().containsKey(counterpart.ourKey())) {
                tally.skipped(LdrKind.SETTINGS);
                return;
            }
            settings.put(counterpart.ourKey(), definition.get().storedForm(value.get()));
            tally.imported(LdrKind.SETTINGS);
        });
    }

    private static boolean hasReport(LdrResearch row) {
        return row.report() != null && !row.report().isBlank();
    }
}
