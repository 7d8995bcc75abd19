package dev.researchvault.domain.settings;

import java.util.Locale;
import java.util.Optional;

/** The kinds of value a setting holds; {@link #wireName()} is how the defaults file and the API spell them. */
public enum SettingType {
    STRING, INT, FLOAT, BOOL, ENUM, JSON;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type spelled {@code name} in the defaults file, if there is one. */
    public static Optional<SettingType> fromWireName(String name) {
        for (SettingType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
