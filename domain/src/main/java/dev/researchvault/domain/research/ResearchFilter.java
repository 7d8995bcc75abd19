package dev.researchvault.domain.research;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.util.UUID;

/**
 * Which research to list.
 *
 * @param status only research in this status, or null for all
 * @param text   only research whose query or title contains this text (case-insensitive for ASCII, with
 *               {@code %} and {@code _} matching themselves), or null for all
 * @param chatId only research started from this chat, or null for all
 */
public record ResearchFilter(ResearchStatus status, String text, UUID chatId) {

    public ResearchFilter {
        text = text == null || text.isEmpty() ? null : Texts.bounded(text, 500, "research.invalid-filter", "q");
        // SQLite's LIKE ends its pattern at a NUL: "sky\0zzz" would match every query ending in "sky".
        if (text != null && text.indexOf('\0') >= 0) {
            throw new RuleViolationException("research.invalid-filter", "q must not contain NUL");
        }
    }

    /** Research of any chat or none. */
    public ResearchFilter(ResearchStatus status, String text) {
        this(status, text, null);
    }

    /** Every research started from {@code chatId}. */
    public static ResearchFilter ofChat(UUID chatId) {
        return new ResearchFilter(null, null, chatId);
    }

    public static ResearchFilter all() {
        return new ResearchFilter(null, null);
    }
}
