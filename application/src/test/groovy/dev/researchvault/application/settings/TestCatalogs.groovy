package dev.researchvault.application.settings

import dev.researchvault.domain.settings.SettingDefinition
import dev.researchvault.domain.settings.SettingType
import dev.researchvault.domain.settings.SettingValue
import dev.researchvault.domain.settings.SettingsCatalog

/** Small catalogs for specs that must not depend on the shipped defaults file. */
class TestCatalogs {

    /** One setting of every type; {@code model} is the default of {@code llm.model}, so specs can ship a "new release". */
    static SettingsCatalog sample(String model = 'gpt-4o-mini') {
        new SettingsCatalog([
                definition('llm.model', SettingType.STRING, new SettingValue.Text(model)),
                definition('llm.temperature', SettingType.FLOAT, new SettingValue.Decimal(0.7), 0d, 2d),
                definition('search.iterations', SettingType.INT, new SettingValue.Whole(3), 1d, 10d),
                definition('search.engine', SettingType.ENUM, new SettingValue.Text('searxng'), null, null,
                        ['searxng', 'brave', 'tavily']),
                definition('backup.enabled', SettingType.BOOL, new SettingValue.Flag(true)),
                definition('backup.max_count', SettingType.INT, new SettingValue.Whole(1), 1d, 30d),
                definition('report.sections', SettingType.JSON, new SettingValue.Json('["summary","sources"]')),
        ])
    }

    static SettingDefinition definition(String key, SettingType type, SettingValue defaultValue, Double min = null,
                                        Double max = null, List<String> options = []) {
        new SettingDefinition(key, type, key.substring(0, key.indexOf('.')), "About ${key}".toString(),
                defaultValue, min, max, options)
    }
}
