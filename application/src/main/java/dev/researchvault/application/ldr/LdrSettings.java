package dev.researchvault.application.ldr;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.ldr.LdrSetting;
import dev.researchvault.domain.settings.SettingDefinition;
import dev.researchvault.domain.settings.SettingValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LDR's settings that have a counterpart here, with LDR's default for each (its {@code default_settings.json},
 * docs/ldr-import.md names the commit). LDR's database holds every setting, changed or not, so a value equal to
 * LDR's default tells nothing about the user and is not imported: here it would freeze today's default against
 * our own later ones.
 */
final class LdrSettings {

    /** One setting: LDR's key, ours, and LDR's default. */
    record Counterpart(String ldrKey, String ourKey, Object ldrDefault) {
    }

    static final List<Counterpart> COUNTERPARTS = List.of(
            new Counterpart("llm.provider", "llm.provider", "ollama"),
            new Counterpart("llm.model", "llm.model", ""),
            new Counterpart("llm.temperature", "llm.temperature", 0.7),
            new Counterpart("llm.max_tokens", "llm.max_tokens", 30000L),
            new Counterpart("llm.context_window_size", "llm.context_window", 128000L),
            new Counterpart("llm.ollama.url", "llm.endpoint_url", "http://localhost:11434"),
            new Counterpart("search.iterations", "search.iterations", 3L),
            new Counterpart("search.questions_per_iteration", "search.questions_per_iteration", 1L),
            new Counterpart("search.max_results", "search.results_per_query", 50L),
            new Counterpart("app.theme", "app.theme", "system"),
            new Counterpart("app.timezone", "app.timezone", "UTC"),
            new Counterpart("app.enable_notifications", "app.notifications", true));

    private static final Map<String, Counterpart> BY_LDR_KEY = COUNTERPARTS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Counterpart::ldrKey, c -> c));

    private LdrSettings() {
    }

    /** The counterpart of an LDR setting the user changed from LDR's default; empty for any other. */
    static Optional<Counterpart> changed(LdrSetting setting) {
        Counterpart counterpart = BY_LDR_KEY.get(setting.key());
        if (counterpart == null || setting.value() == null || sameValue(setting.value(), counterpart.ldrDefault())) {
            return Optional.empty();
        }
        return Optional.of(counterpart);
    }

    /**
     * LDR's value as a value of {@code definition}, if our rules accept it (type, range, options). LDR keeps some
     * numbers and flags as text; those are read as what they say.
     */
    static Optional<SettingValue> accepted(SettingDefinition definition, Object ldrValue) {
        try {
            return Optional.of(definition.accept(offered(definition, ldrValue)));
        } catch (RuleViolationException | IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    private static SettingValue offered(SettingDefinition definition, Object value) {
        return switch (definition.type()) {
            case STRING -> new SettingValue.Text(text(value));
            case ENUM -> new SettingValue.Text(text(value).toLowerCase(Locale.ROOT));
            case INT -> new SettingValue.Whole(whole(value));
            case FLOAT -> new SettingValue.Decimal(number(value));
            case BOOL -> new SettingValue.Flag(flag(value));
            case JSON -> throw new IllegalArgumentException("no JSON setting has an LDR counterpart");
        };
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("not a text");
    }

    private static long whole(Object value) {
        double number = number(value);
        if (number != Math.rint(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("not a whole number");
        }
        return (long) number;
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return Double.parseDouble(text(value).trim());
    }

    private static boolean flag(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = text(value).trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not a flag");
        }
        return Boolean.parseBoolean(text);
    }

    private static boolean sameValue(Object value, Object ldrDefault) {
        if (value instanceof Number number && ldrDefault instanceof Number expected) {
            return number.doubleValue() == expected.doubleValue();
        }
        return Objects.equals(value, ldrDefault);
    }
}
