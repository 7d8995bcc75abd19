package dev.researchvault.domain.chat;

import dev.researchvault.domain.RuleViolationException;
import java.util.Locale;

/** Who wrote a message. */
public enum MessageRole {
    USER, ASSISTANT, SYSTEM;

    /** The name used on the wire and in the database, e.g. {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role called {@code name} on the wire; 400 for anything else. */
    public static MessageRole fromWire(String name) {
        for (MessageRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new RuleViolationException("chat.invalid-role", "role must be user, assistant or system");
    }
}
