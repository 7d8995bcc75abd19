package dev.researchvault.bootstrap.config;

import java.time.Duration;

/**
 * Range checks for configuration setters. A value out of range stops the start-up (every configuration bean is
 * built then, see {@code Application}) with a message naming the key, instead of failing the first request that
 * needs it or, worse, quietly turning a limit off.
 */
final class ConfigurationValues {

    private ConfigurationValues() {
    }

    static long atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static Duration atLeast(String key, Duration value, Duration minimum) {
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static Duration notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, was " + value);
        }
        return value;
    }
}
