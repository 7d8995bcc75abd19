package dev.researchvault.domain.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting the application ships: its key, type, category, description, default value and, where they
 * apply, the range ({@code min}/{@code max}, for {@code int} and {@code float}) and the allowed options
 * (for {@code enum}). Construction checks that the definition is coherent, so a broken defaults file fails
 * at start-up instead of at a user's request.
 *
 * @param min lower bound (inclusive) or null
 * @param max upper bound (inclusive) or null
 */
public record SettingDefinition(String key, SettingType type, String category, String description,
                                SettingValue defaultValue, Double min, Double max, List<String> options) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*");

    public SettingDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        options = options == null ? List.of() : List.copyOf(options);
        require(key != null && KEY.matcher(key).matches(), "a setting key is dotted lower case");
        require(category != null && CATEGORY.matcher(category).matches(), "a category is a lower-case word");
        require((min == null && max == null) || type == SettingType.INT || type == SettingType.FLOAT,
                "only int and float settings have a range");
        require(min == null || max == null || min <= max, "min is not above max");
        require(type == SettingType.ENUM ? !options.isEmpty() : options.isEmpty(),
                "enum settings, and only they, have options");
        try {
            SettingRules.accept(TextFormat.of(key), type, min, max, options, defaultValue);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("the default of " + key + " breaks its own rules: "
                    + invalid.getMessage());
        }
    }

    /**
     * The value a user may store for this setting, made from {@code proposed}: an int offered to a float
     * setting becomes a float, anything offered to a json setting becomes JSON.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code settings.invalid-value} with the reason
     *         (wrong type, out of range, not an option, not the {@link TextFormat} its key asks for); the reason
     *         never repeats the offered value
     */
    public SettingValue accept(SettingValue proposed) {
        return SettingRules.accept(TextFormat.of(key), type, min, max, options, proposed);
    }

    /** How {@code value} (already {@linkplain #accept accepted}) is written to storage. */
    public String storedForm(SettingValue value) {
        // Texts are stored bare (no JSON quotes) so the table reads naturally with stock SQLite tools.
        return value instanceof SettingValue.Text text ? text.value() : value.toJson();
    }

    /**
     * The value behind a stored override, or empty when it no longer fits this definition (a release
     * narrowed the range or dropped an option): such an override is ignored and the default applies.
     */
    public Optional<SettingValue> fromStored(String stored) {
        try {
            return Optional.of(accept(parseStored(stored)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private SettingValue parseStored(String stored) {
        return switch (type) {
            case STRING, ENUM -> new SettingValue.Text(stored);
            case INT -> new SettingValue.Whole(Long.parseLong(stored));
            case FLOAT -> new SettingValue.Decimal(Double.parseDouble(stored));
            case BOOL -> new SettingValue.Flag(parseBoolean(stored));
            case JSON -> new SettingValue.Json(stored);
        };
    }

    private static boolean parseBoolean(String stored) {
        if (!stored.equals("true") && !stored.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
        }
        return stored.equals("true");
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
