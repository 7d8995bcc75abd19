package dev.researchvault.application.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the JSON of an export: objects of text, whole numbers, booleans, {@code null} and nested objects,
 * nothing else. Hand-written (no reflection, no framework in the application) and small because the export
 * format is flat: JSON kept inside a record's field stays a string.
 */
final class JsonWriting {

    private JsonWriting() {
    }

    /** {@code object} as one line of JSON, without the line break. */
    static void writeObject(Appendable out, Map<String, ?> object) {
        try {
            out.append('{');
            Iterator<? extends Map.Entry<String, ?>> fields = object.entrySet().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, ?> field = fields.next();
                writeString(out, field.getKey());
                out.append(':');
                writeValue(out, field.getValue());
                if (fields.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(Appendable out, Object value) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value.toString());
        } else if (value instanceof Map<?, ?> nested) {
            writeObject(out, (Map<String, ?>) nested);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
        }
    }

    private static void writeString(Appendable out, String text) throws IOException {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters, and the two line separators some JSON Lines readers split on.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
