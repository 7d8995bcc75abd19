package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.settings.EffectiveSetting;
import dev.researchvault.domain.settings.SettingDefinition;
import dev.researchvault.domain.settings.SettingValue;
import dev.researchvault.domain.settings.SettingsCatalog;
import dev.researchvault.domain.settings.SettingsStore;
import java.util.List;

/** Settings: the catalog's defaults merged with the overrides each user keeps in their vault. */
public final class SettingsService implements ReadSettingsUseCase, ChangeSettingUseCase, ResetSettingUseCase,
        SettingsQuery {

    private final SettingsCatalog catalog;
    private final SettingsStore store;
    private final VaultScope vaultScope;

    public SettingsService(SettingsCatalog catalog, SettingsStore store, VaultScope vaultScope) {
        this.catalog = catalog;
        this.store = store;
        this.vaultScope = vaultScope;
    }

    @Override
    public List<EffectiveSetting> list(Session session, ListSettingsQuery query) {
        List<EffectiveSetting> all = inVault(session, () -> catalog.merge(store.overrides(session.userId())));
        return query.category()
                .map(category -> all.stream().filter(setting -> setting.definition().category().equals(category)).toList())
                .orElse(all);
    }

    @Override
    public EffectiveSetting get(Session session, String key) {
        return inVault(session, () -> setting(session.userId(), key));
    }

    @Override
    public EffectiveSetting change(Session session, ChangeSettingCommand command) {
        SettingDefinition definition = catalog.require(command.key());
        SettingValue accepted = definition.accept(command.value());
        return inVault(session, () -> {
            store.put(session.userId(), definition.key(), definition.storedForm(accepted));
            return setting(session.userId(), definition.key());
        });
    }

    @Override
    public EffectiveSetting reset(Session session, String key) {
        SettingDefinition definition = catalog.require(key);
        return inVault(session, () -> {
            store.remove(session.userId(), definition.key());
            return setting(session.userId(), definition.key());
        });
    }

    @Override
    public EffectiveSetting setting(UserId user, String key) {
        SettingDefinition definition = catalog.require(key);
        return EffectiveSetting.of(definition, store.overrides(user).get(key));
    }

    @Override
    public long intValue(UserId user, String key) {
        return typed(user, key, SettingValue.Whole.class).value();
    }

    @Override
    public double floatValue(UserId user, String key) {
        return typed(user, key, SettingValue.Decimal.class).value();
    }

    @Override
    public boolean boolValue(UserId user, String key) {
        return typed(user, key, SettingValue.Flag.class).value();
    }

    @Override
    public String stringValue(UserId user, String key) {
        return typed(user, key, SettingValue.Text.class).value();
    }

    private <V extends SettingValue> V typed(UserId user, String key, Class<V> shape) {
        SettingValue value = setting(user, key).value();
        if (!shape.isInstance(value)) {
            // A programming error of the caller (asked an int of a string setting), not a user's mistake.
            throw new IllegalArgumentException("the setting " + key + " is not of the type asked for");
        }
        return shape.cast(value);
    }

    private <T> T inVault(Session session, java.util.function.Supplier<T> work) {
        return vaultScope.call(session.userId(), session.key(), work);
    }
}
