package dev.researchvault.domain.settings;

import java.util.Objects;

/**
 * A setting's value in one of the shapes JSON gives it. Adapters turn what arrives (a JSON body, a stored
 * text) into one of these; {@link SettingDefinition#accept} decides whether it fits the setting.
 */
public sealed interface SettingValue {

    /** The value as JSON text, e.g. {@code "gpt-4o"}, {@code 3}, {@code true}, {@code {"a":1}}. */
    String toJson();

    /** A JSON string (also an enum option). */
    record Text(String value) implements SettingValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toJson() {
            return JsonStrings.quote(value);
        }
    }

    /** A JSON number without fraction or exponent. */
    record Whole(long value) implements SettingValue {
        @Override
        public String toJson() {
            return Long.toString(value);
        }
    }

    /** A JSON number with a fraction or exponent. */
    record Decimal(double value) implements SettingValue {
        public Decimal {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a decimal setting value is finite");
            }
        }

        @Override
        public String toJson() {
            return Double.toString(value);
        }
    }

    /** A JSON boolean. */
    record Flag(boolean value) implements SettingValue {
        @Override
        public String toJson() {
            return Boolean.toString(value);
        }
    }

    /** Any other JSON (object, array), kept as compact JSON text an adapter has already parsed. */
    record Json(String json) implements SettingValue {
        public Json {
            Objects.requireNonNull(json, "json");
        }

        @Override
        public String toJson() {
            return json;
        }
    }
}
