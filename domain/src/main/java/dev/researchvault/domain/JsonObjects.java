package dev.researchvault.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects clients keep with us (metadata, agent parameters), as a JSON reader hands them over. */
public final class JsonObjects {

    private JsonObjects() {
    }

    /**
     * An unmodifiable copy of {@code object} (empty for null), members in their order. Not {@code Map.copyOf}: it
     * refuses null values, and {@code {"k": null}} is a member like any other (it was a 500).
     */
    public static Map<String, Object> copyOf(Map<String, Object> object) {
        return object == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(object));
    }
}
