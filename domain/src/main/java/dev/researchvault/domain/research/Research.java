package dev.researchvault.domain.research;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.JsonObjects;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.settings.JsonNesting;
import dev.researchvault.domain.usage.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A research task: a question ({@code query}) researched in some {@code mode}. Its times follow from its
 * status changes, never from the client: {@code startedAt} is set by the first move to {@code in_progress},
 * {@code completedAt} by the move to an end state.
 *
 * @param metadata free JSON-like values (maps, lists, strings, numbers, booleans) the client keeps here
 * @param usage    the tokens the research's model calls cost, as its engine last reported them, or null
 * @param chatId   the chat the research was started from, or null (none, or the chat was deleted since)
 */
public record Research(UUID id, String query, String mode, ResearchStatus status, String title, int progress,
                       Instant createdAt, Instant startedAt, Instant completedAt, Map<String, Object> metadata,
                       TokenUsage usage, UUID chatId) {

    public static final int MAX_QUERY_LENGTH = 10_000;
    public static final int MAX_TITLE_LENGTH = 500;
    /**
     * The modes API.md documents: a quick summary, a detailed report, a deep (multi-round) research. A new research
     * must name one; research stored before the list was enforced keeps whatever mode it has.
     */
    public static final List<String> MODES = List.of("quick", "detailed", "deep");

    public Research {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = JsonObjects.copyOf(metadata);
    }

    /** A research not started from a chat. */
    public Research(UUID id, String query, String mode, ResearchStatus status, String title, int progress,
                    Instant createdAt, Instant startedAt, Instant completedAt, Map<String, Object> metadata,
                    TokenUsage usage) {
        this(id, query, mode, status, title, progress, createdAt, startedAt, completedAt, metadata, usage, null);
    }

    /** A research with no usage recorded. */
    public Research(UUID id, String query, String mode, ResearchStatus status, String title, int progress,
                    Instant createdAt, Instant startedAt, Instant completedAt, Map<String, Object> metadata) {
        this(id, query, mode, status, title, progress, createdAt, startedAt, completedAt, metadata, null, null);
    }

    /** A new, pending research; 400 when the query is blank or too long or the mode is malformed. */
    public static Research create(UUID id, String query, String mode, Instant now) {
        return create(id, query, mode, null, now);
    }

    /** A new, pending research started from chat {@code chatId} (null: none); rules as above. */
    public static Research create(UUID id, String query, String mode, UUID chatId, Instant now) {
        FieldChecks fields = new FieldChecks();
        fields.check("query", () -> Texts.required(query, MAX_QUERY_LENGTH, "research.invalid-query", "query"));
        fields.checkThat("mode", () -> {
            if (mode == null || !MODES.contains(mode)) {
                throw new RuleViolationException("research.invalid-mode", "mode must be one of: " + String.join(", ", MODES));
            }
        });
        fields.requireNone();
        return new Research(id, query, mode, ResearchStatus.PENDING, null, 0, now, null, null, Map.of(), null, chatId);
    }

    /** This research moved to {@code next} at {@code now}; staying in the same status changes nothing. */
    public Research moveTo(ResearchStatus next, Instant now) {
        if (next == status) {
            return this;
        }
        if (!status.canMoveTo(next)) {
            throw new ConflictException("research.illegal-status-change",
                    "a research cannot move from " + status.wireName() + " to " + next.wireName());
        }
        Instant started = startedAt == null && next == ResearchStatus.IN_PROGRESS ? now : startedAt;
        Instant completed = next.isFinal() ? now : null;
        return new Research(id, query, mode, next, title, progress, createdAt, started, completed, metadata, usage, chatId);
    }

    /** This research at {@code percent} done; 400 outside 0–100. */
    public Research withProgress(int percent) {
        checkProgress(percent);
        return new Research(id, query, mode, status, title, percent, createdAt, startedAt, completedAt, metadata, usage, chatId);
    }

    public Research withTitle(String newTitle) {
        checkTitle(newTitle);
        return new Research(id, query, mode, status, newTitle, progress, createdAt, startedAt, completedAt, metadata, usage, chatId);
    }

    /** This research with {@code newMetadata}; refused as {@link #checkMetadata} says. */
    public Research withMetadata(Map<String, Object> newMetadata) {
        checkMetadata(newMetadata);
        return new Research(id, query, mode, status, title, progress, createdAt, startedAt, completedAt, newMetadata, usage, chatId);
    }

    /** @throws RuleViolationException {@code research.invalid-progress} for a percentage (if any) outside 0–100 */
    public static void checkProgress(Integer percent) {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new RuleViolationException("research.invalid-progress", "progress must be between 0 and 100");
        }
    }

    /** @throws RuleViolationException {@code research.invalid-title} for a title too long or not well-formed */
    public static void checkTitle(String title) {
        Texts.bounded(title, MAX_TITLE_LENGTH, "research.invalid-title", "title");
    }

    /**
     * @throws RuleViolationException {@code research.metadata-too-deep} above 32 levels of objects and arrays:
     *         the JSON writer fails past 65 (with the answer's own levels), so a deeper value once stored made
     *         every list of the user's research answer 500
     */
    public static void checkMetadata(Map<String, Object> metadata) {
        if (JsonNesting.depthOfValue(metadata) > JsonNesting.MAX_DEPTH) {
            throw new RuleViolationException("research.metadata-too-deep",
                    "metadata is nested deeper than " + JsonNesting.MAX_DEPTH + " levels of arrays and objects");
        }
    }

    /** This research with the usage its engine reports now (replacing what it reported before). */
    public Research withUsage(TokenUsage newUsage) {
        return new Research(id, query, mode, status, title, progress, createdAt, startedAt, completedAt, metadata,
                newUsage, chatId);
    }

    /**
     * Seconds from start to end (time spent suspended included), or null while not finished. A research
     * cancelled before it ever started has no duration either.
     */
    public Long durationSeconds() {
        if (startedAt == null || completedAt == null) {
            return null;
        }
        return Duration.between(startedAt, completedAt).toSeconds();
    }
}
