package dev.researchvault.domain.transfer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a vault as it is exported and imported: its fields by name, in a stable order, each a
 * {@link String}, a {@link Long} or {@code null} (the vault stores nothing else; JSON held in a field stays
 * text, so the record is flat).
 */
public record VaultRecord(Map<String, Object> fields) {

    public VaultRecord {
        for (Object value : fields.values()) {
            if (value != null && !(value instanceof String) && !(value instanceof Long)) {
                throw new IllegalArgumentException("a record field is text, a whole number or null");
            }
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
