package dev.researchvault.domain.chat;

import dev.researchvault.domain.WireNames;

/** Who wrote a message. */
public enum MessageRole {
    USER, ASSISTANT, SYSTEM;

    /** The name used on the wire and in the database, e.g. {@code assistant}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The role called {@code name} on the wire; 400 for anything else. */
    public static MessageRole fromWire(String name) {
        return WireNames.parse(values(), name, "chat.invalid-role",
                "role must be user, assistant or system");
    }
}
