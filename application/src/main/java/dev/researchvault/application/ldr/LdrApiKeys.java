package dev.researchvault.application.ldr;

import dev.researchvault.domain.ldr.LdrApiKey;
import dev.researchvault.domain.ldr.LdrSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The API keys in an LDR database. LDR keeps them as settings whose key ends in {@code .api_key}
 * ({@code llm.openai.api_key}, {@code search.engine.web.brave.api_key}); the provider is the segment before it
 * ({@code openai}, {@code brave}). Its {@code api_keys} table, where a version has one, comes first.
 */
final class LdrApiKeys {

    private static final String SUFFIX = ".api_key";

    private LdrApiKeys() {
    }

    /** Every key LDR holds a non-empty value for, table rows first; providers may repeat (the first wins). */
    static List<LdrApiKey> all(List<LdrApiKey> table, List<LdrSetting> settings) {
        List<LdrApiKey> keys = new ArrayList<>(table);
        for (LdrSetting setting : settings) {
            if (setting.key().endsWith(SUFFIX) && setting.value() instanceof String key && !key.isBlank()) {
                keys.add(new LdrApiKey(provider(setting.key()), key.trim(), "imported from Local Deep Research", true));
            }
        }
        return keys;
    }

    private static String provider(String settingKey) {
        String path = settingKey.substring(0, settingKey.length() - SUFFIX.length());
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
