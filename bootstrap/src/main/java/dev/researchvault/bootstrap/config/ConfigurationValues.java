package dev.researchvault.bootstrap.config;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.format.ReadableBytesTypeConverter;

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

    /** Micronaut's own reading of sizes, the one {@code @ReadableBytes} applies. */
    private static final ReadableBytesTypeConverter READABLE_BYTES = new ReadableBytesTypeConverter();

    /**
     * A size as Micronaut reads it ({@code @ReadableBytes}): {@code 25MB}, {@code 512KB}, {@code 1GB} (powers of
     * 1024, any case) or a plain number of bytes. Taken as a string rather than through {@code @ReadableBytes} on a
     * {@code long} so that the spellings the earlier parser also took keep starting the server: spaces
     * ({@code 25 MB}) and a {@code B} after a plain number ({@code 1024B}).
     */
    static long bytes(String key, String size) {
        String compact = size.replaceAll("\\s", "");
        boolean bytesUnit = compact.length() > 1 && Character.isDigit(compact.charAt(compact.length() - 2))
                && Character.toUpperCase(compact.charAt(compact.length() - 1)) == 'B';
        String readable = bytesUnit ? compact.substring(0, compact.length() - 1) : compact;
        return READABLE_BYTES.convert(readable, Number.class, ConversionContext.DEFAULT)
                .map(Number::longValue)
                .filter(value -> value >= 0)
                .orElseThrow(() -> new IllegalArgumentException(key + " must be a size such as 25MB, "
                        + "512KB or 1024 (bytes), was '" + size + "'"));
    }
}
