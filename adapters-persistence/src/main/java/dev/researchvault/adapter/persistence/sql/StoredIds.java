package dev.researchvault.adapter.persistence.sql;

import java.util.UUID;

/** Ids as stored: UUID text, NULL for an absent optional link (an agent or chat that was deleted, say). */
public final class StoredIds {

    private StoredIds() {
    }

    public static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    public static UUID id(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
