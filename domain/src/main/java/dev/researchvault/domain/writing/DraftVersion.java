package dev.researchvault.domain.writing;

import java.time.Instant;
import java.util.UUID;

/**
 * One saved version of a draft as the version list shows it: without its content, which may be large.
 *
 * @param length the content's length in characters
 */
public record DraftVersion(UUID draftId, int version, String title, int length, Instant savedAt) {
}
