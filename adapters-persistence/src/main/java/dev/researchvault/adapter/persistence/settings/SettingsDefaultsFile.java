package dev.researchvault.adapter.persistence.settings;

import dev.researchvault.domain.settings.SettingDefinition;
import dev.researchvault.domain.settings.SettingType;
import dev.researchvault.domain.settings.SettingValue;
import dev.researchvault.domain.settings.SettingsCatalog;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shipped defaults ({@code settings-defaults.json}, one entry per setting: key, type, category,
 * description, default, and optionally min, max, options) into a {@link SettingsCatalog}. Parsed as a JSON
 * tree, so no reflection is needed. A malformed file fails start-up with the key at fault.
 */
public final class SettingsDefaultsFile {

    /** The resource the application ships. */
    public static final String SHIPPED = "settings-defaults.json";

    private SettingsDefaultsFile() {
    }

    /** The catalog in classpath resource {@code resource}. */
    public static SettingsCatalog load(JsonMapper json, String resource) {
        try (InputStream in = SettingsDefaultsFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("settings defaults resource " + resource + " is missing");
            }
            return parse(json, in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("settings defaults resource " + resource + " cannot be read", unreadable);
        }
    }

    static SettingsCatalog parse(JsonMapper json, byte[] content) throws IOException {
        JsonNode settings = json.readValue(content, Argument.of(JsonNode.class)).get("settings");
        if (settings == null || !settings.isArray()) {
            throw new IllegalStateException("settings defaults need a \"settings\" array");
        }
        List<SettingDefinition> definitions = new ArrayList<>();
        for (JsonNode entry : settings.values()) {
            definitions.add(definition(json, entry));
        }
        return new SettingsCatalog(definitions);
    }

    private static SettingDefinition definition(JsonMapper json, JsonNode entry) throws IOException {
        String key = text(entry, "key");
        try {
            SettingType type = SettingType.fromWireName(text(entry, "type"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown type"));
            return new SettingDefinition(key, type, text(entry, "category"), text(entry, "description"),
                    value(json, type, required(entry, "default")), number(entry, "min"), number(entry, "max"),
                    options(entry));
        } catch (RuntimeException invalid) {
            throw new IllegalStateException("settings defaults: entry " + key + " is invalid: " + invalid.getMessage(), invalid);
        }
    }

    /** The default read as the entry's type says, so a mistyped default fails here and not at a user's read. */
    private static SettingValue value(JsonMapper json, SettingType type, JsonNode node) throws IOException {
        return switch (type) {
            case STRING, ENUM -> new SettingValue.Text(node.getStringValue());
            case INT -> new SettingValue.Whole(wholeNumber(node));
            case FLOAT -> new SettingValue.Decimal(node.getNumberValue().doubleValue());
            case BOOL -> new SettingValue.Flag(node.getBooleanValue());
            case JSON -> new SettingValue.Json(json.writeValueAsString(node));
        };
    }

    private static long wholeNumber(JsonNode node) {
        Number number = node.getNumberValue();
        if (number instanceof BigInteger || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("default is not a whole number");
        }
        return number.longValue();
    }

    private static List<String> options(JsonNode entry) {
        JsonNode options = entry.get("options");
        List<String> names = new ArrayList<>();
        if (options != null) {
            options.values().forEach(option -> names.add(option.getStringValue()));
        }
        return names;
    }

    private static Double number(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? null : node.getNumberValue().doubleValue();
    }

    private static String text(JsonNode entry, String field) {
        return required(entry, field).getStringValue();
    }

    private static JsonNode required(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null) {
            throw new IllegalStateException("settings defaults: an entry lacks \"" + field + "\"");
        }
        return node;
    }
}
