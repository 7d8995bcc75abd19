package dev.researchvault.adapter.persistence.sql;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON in TEXT columns (research metadata, agent parameters, message files, sources and metadata), through
 * Micronaut's compile-time serde: no reflection.
 */
@Singleton
public final class JsonColumns {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private static final String EMPTY_OBJECT = "{}";

    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    public <T> String write(Argument<T> type, T value) {
        try {
            return json.writeValueAsString(type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free JSON object as stored: {@code {}} when empty. */
    public String writeObject(Map<String, Object> object) {
        return object.isEmpty() ? EMPTY_OBJECT : write(OBJECT, object);
    }

    /** A free JSON object; NULL (a column added after its row was written) and {@code {}} read as empty. */
    public Map<String, Object> readObject(String text) {
        // Most rows hold no object: skip building a JSON parser for "{}" (8 % of a research read by id in JFR).
        if (text == null || EMPTY_OBJECT.equals(text)) {
            return Map.of();
        }
        return read(text, OBJECT);
    }
}
