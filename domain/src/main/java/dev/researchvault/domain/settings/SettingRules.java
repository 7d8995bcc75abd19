package dev.researchvault.domain.settings;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.util.List;

/** The checks a value passes before it is stored: type, range, options, size and nesting. */
final class SettingRules {

    /** Longest text a string setting holds; settings are preferences, not documents. */
    static final int MAX_TEXT_LENGTH = 4_096;
    /** Longest JSON text a json setting holds. */
    static final int MAX_JSON_LENGTH = 65_536;

    private SettingRules() {
    }

    /** {@code proposed} as a value of this type; a string value also in {@code format} (told by the setting's key). */
    static SettingValue accept(TextFormat format, SettingType type, Double min, Double max, List<String> options,
                               SettingValue proposed) {
        return switch (type) {
            case STRING -> formatted(format, text(proposed));
            case ENUM -> option(options, proposed);
            case INT -> inRange(min, max, whole(proposed));
            case FLOAT -> inRange(min, max, decimal(proposed));
            case BOOL -> flag(proposed);
            case JSON -> json(proposed);
        };
    }

    private static SettingValue.Text text(SettingValue proposed) {
        if (!(proposed instanceof SettingValue.Text text)) {
            throw invalid("must be a string");
        }
        if (text.value().length() > MAX_TEXT_LENGTH) {
            throw invalid("must be at most " + MAX_TEXT_LENGTH + " characters long");
        }
        if (!Texts.isWellFormed(text.value())) {
            throw invalid("must be well-formed Unicode (no lone surrogate)");
        }
        return text;
    }

    private static SettingValue formatted(TextFormat format, SettingValue.Text text) {
        format.check(text.value());
        return text;
    }

    private static SettingValue option(List<String> options, SettingValue proposed) {
        if (proposed instanceof SettingValue.Text text && options.contains(text.value())) {
            return text;
        }
        throw invalid("must be one of: " + String.join(", ", options));
    }

    private static SettingValue.Whole whole(SettingValue proposed) {
        if (!(proposed instanceof SettingValue.Whole whole)) {
            throw invalid("must be a whole number");
        }
        return whole;
    }

    private static SettingValue.Decimal decimal(SettingValue proposed) {
        if (proposed instanceof SettingValue.Decimal decimal) {
            return decimal;
        }
        if (proposed instanceof SettingValue.Whole whole) {
            return new SettingValue.Decimal(whole.value());
        }
        throw invalid("must be a number");
    }

    private static SettingValue.Flag flag(SettingValue proposed) {
        if (!(proposed instanceof SettingValue.Flag flag)) {
            throw invalid("must be true or false");
        }
        return flag;
    }

    private static SettingValue json(SettingValue proposed) {
        String json = proposed.toJson();
        if (json.length() > MAX_JSON_LENGTH) {
            throw invalid("must be at most " + MAX_JSON_LENGTH + " characters of JSON");
        }
        JsonNesting.requireAtMostMax(JsonNesting.depthOf(json));
        return new SettingValue.Json(json);
    }

    private static <V extends SettingValue> V inRange(Double min, Double max, V value) {
        double number = value instanceof SettingValue.Whole whole ? whole.value() : ((SettingValue.Decimal) value).value();
        if ((min != null && number < min) || (max != null && number > max)) {
            throw invalid(rangeText(min, max));
        }
        return value;
    }

    private static String rangeText(Double min, Double max) {
        if (min != null && max != null) {
            return "must be between " + plain(min) + " and " + plain(max);
        }
        return min != null ? "must be at least " + plain(min) : "must be at most " + plain(max);
    }

    /** 30 rather than 30.0 when the bound is whole, so int settings read naturally. */
    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
    }

    static RuleViolationException invalid(String reason) {
        return new RuleViolationException("settings.invalid-value", "the value " + reason);
    }
}
