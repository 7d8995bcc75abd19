package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.RuleViolationException.FieldError;
import dev.researchvault.domain.settings.EffectiveSetting;
import dev.researchvault.domain.settings.SettingDefinition;
import dev.researchvault.domain.settings.SettingValue;
import dev.researchvault.domain.settings.SettingsCatalog;
import dev.researchvault.domain.settings.SettingsStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Settings: the catalog's defaults merged with the overrides each user keeps in their vault. */
public record SettingsService(SettingsCatalog catalog, SettingsStore store, VaultWork vault)
        implements ReadSettingsUseCase, ChangeSettingUseCase, ResetSettingUseCase, SettingsQuery {

    @Override
    public List<EffectiveSetting> list(Session session, ListSettingsQuery query) {
        List<EffectiveSetting> all = vault.inVault(session, () -> catalog.merge(store.overrides()));
        return query.category()
                .map(category -> all.stream().filter(setting -> setting.definition().category().equals(category)).toList())
                .orElse(all);
    }

    @Override
    public EffectiveSetting get(Session session, String key) {
        return setting(session, key);
    }

    // Each override is written on its own, outside any enclosing transaction: the settings cache in front of
    // the store relies on every write having committed when it drops the entry (see CachingSettingsStore).
    @Override
    public EffectiveSetting change(Session session, ChangeSettingCommand command) {
        SettingDefinition definition = catalog.require(command.key());
        SettingValue accepted = definition.accept(command.value());
        return vault.inVault(session, () -> {
            store.put(definition.key(), definition.storedForm(accepted));
            return current(definition);
        });
    }

    @Override
    public List<EffectiveSetting> changeAll(Session session, Map<String, Supplier<SettingValue>> values) {
        Map<String, String> stored = new LinkedHashMap<>();
        List<SettingDefinition> changed = new ArrayList<>();
        List<FieldError> refused = new ArrayList<>();
        values.forEach((key, value) -> {
            try {
                SettingDefinition definition = catalog.require(key);
                stored.put(definition.key(), definition.storedForm(definition.accept(value.get())));
                changed.add(definition);
            } catch (DomainException refusal) {
                refused.add(FieldError.of(key, refusal));
            }
        });
        if (!refused.isEmpty()) {
            throw new RuleViolationException("settings.invalid-value",
                    refused.size() + " of " + values.size() + " values were refused; nothing was changed", refused);
        }
        // One write for all (see the note above change): it commits them together or not at all.
        return vault.inVault(session, () -> {
            store.putAll(stored);
            return changed.stream().map(this::current).toList();
        });
    }

    @Override
    public EffectiveSetting reset(Session session, String key) {
        SettingDefinition definition = catalog.require(key);
        return vault.inVault(session, () -> {
            store.remove(definition.key());
            return current(definition);
        });
    }

    @Override
    public EffectiveSetting setting(VaultOwner owner, String key) {
        SettingDefinition definition = catalog.require(key);
        return vault.inVault(owner, () -> current(definition));
    }

    @Override
    public long intValue(VaultOwner owner, String key) {
        return typed(owner, key, SettingValue.Whole.class).value();
    }

    @Override
    public double floatValue(VaultOwner owner, String key) {
        return typed(owner, key, SettingValue.Decimal.class).value();
    }

    @Override
    public boolean boolValue(VaultOwner owner, String key) {
        return typed(owner, key, SettingValue.Flag.class).value();
    }

    @Override
    public String stringValue(VaultOwner owner, String key) {
        return typed(owner, key, SettingValue.Text.class).value();
    }

    private EffectiveSetting current(SettingDefinition definition) {
        return EffectiveSetting.of(definition, store.overrides().get(definition.key()));
    }

    private <V extends SettingValue> V typed(VaultOwner owner, String key, Class<V> shape) {
        SettingValue value = setting(owner, key).value();
        if (!shape.isInstance(value)) {
            // A programming error of the caller (asked an int of a string setting), not a user's mistake.
            throw new IllegalArgumentException("the setting " + key + " is not of the type asked for");
        }
        return shape.cast(value);
    }
}
