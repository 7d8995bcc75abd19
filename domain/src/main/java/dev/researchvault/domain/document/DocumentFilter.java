package dev.researchvault.domain.document;

import dev.researchvault.domain.Texts;
import java.util.UUID;

/**
 * Which documents to list.
 *
 * @param status  only documents in this status, or null for all
 * @param groupId only documents of this group, or null for all
 * @param text    only documents whose title or authors contain this text (ASCII letters without regard to case),
 *                or null for all
 */
public record DocumentFilter(DocumentStatus status, UUID groupId, String text) {

    public static final int MAX_TEXT_LENGTH = 200;

    public DocumentFilter {
        text = text == null || text.isEmpty() ? null : Texts.bounded(text, MAX_TEXT_LENGTH, "document.invalid-filter", "q");
    }

    public static DocumentFilter all() {
        return new DocumentFilter(null, null, null);
    }
}
