package dev.researchvault.domain.writing;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a draft of a writing session: its title and content as saved at {@code updatedAt}. Every save
 * is a new version ({@link #revise}); the old ones stay readable. The draft's identity is {@code id}; the
 * version numbers run 1, 2, 3, … without gaps.
 *
 * @param createdAt when version 1 was saved
 * @param updatedAt when this version was saved
 */
public record Draft(UUID id, UUID sessionId, String title, int version, String content, Instant createdAt,
                    Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 500;
    /** A draft is a document being written, not a library: 1 Mi characters (up to 4 MiB of UTF-8). */
    public static final int MAX_CONTENT_LENGTH = 1024 * 1024;
    /** Stable code of a save whose base is not the latest version. */
    public static final String VERSION_CONFLICT = "draft.version-conflict";

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        FieldChecks fields = new FieldChecks();
        fields.check("title", () -> Texts.required(title, MAX_TITLE_LENGTH, "draft.invalid-title", "title"));
        fields.checkThat("content", () -> checkContent(content));
        fields.requireNone();
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** Version 1 of a new draft. */
    public static Draft create(UUID id, UUID sessionId, String title, String content, Instant now) {
        return new Draft(id, sessionId, title, 1, content, now, now);
    }

    /**
     * The next version: {@code newContent}, and {@code newTitle} unless null, saved over {@code baseVersion}.
     *
     * @throws ConflictException {@value #VERSION_CONFLICT} when {@code baseVersion} is not this (the latest)
     *         version: someone saved meanwhile, and saving over it would lose their change
     */
    public Draft revise(String newContent, String newTitle, Integer baseVersion, Instant now) {
        FieldChecks fields = new FieldChecks();
        fields.checkThat("baseVersion", () -> {
            if (baseVersion == null) {
                throw new RuleViolationException("draft.invalid-base-version", "baseVersion is required");
            }
        });
        fields.checkThat("content", () -> checkContent(newContent));
        fields.check("title", () -> Texts.required(newTitle != null ? newTitle : title, MAX_TITLE_LENGTH,
                "draft.invalid-title", "title"));
        fields.requireNone();
        if (baseVersion != version) {
            throw new ConflictException(VERSION_CONFLICT, "the draft has been saved since version " + baseVersion
                    + "; read the latest version and apply the change to it");
        }
        return new Draft(id, sessionId, newTitle != null ? newTitle : title, version + 1, newContent, createdAt, now);
    }

    /** Content is required (it may be empty: a cleared draft) and bounded; too large is a 413. */
    private static void checkContent(String content) {
        if (content == null) {
            throw new RuleViolationException("draft.invalid-content", "content is required");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new LimitExceededException("draft.too-large",
                    "content must be at most " + MAX_CONTENT_LENGTH + " characters");
        }
        Texts.bounded(content, MAX_CONTENT_LENGTH, "draft.invalid-content", "content");
    }
}
