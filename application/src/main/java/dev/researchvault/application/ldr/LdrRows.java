package dev.researchvault.application.ldr;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.ldr.LdrLogLine;
import dev.researchvault.domain.ldr.LdrResearch;
import dev.researchvault.domain.ldr.LdrResource;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchLog;
import dev.researchvault.domain.research.ResearchResource;
import dev.researchvault.domain.research.ResearchStatus;
import dev.researchvault.domain.settings.JsonNesting;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * LDR rows made into ours. Required fields that break our rules (a blank or too long query or URL, a creation time
 * that cannot be read) leave the row out (empty); labels and previews that are too long (titles, snippets, source
 * types, log messages) are cut to our limits, since losing their tail loses less than losing the row.
 */
final class LdrRows {

    private static final String CUT_MARK = "…";

    private LdrRows() {
    }

    /**
     * The research of an LDR history row, with LDR's id when it is a UUID (a new one otherwise: the oldest
     * versions numbered their rows). A research LDR was still running or queued is imported as cancelled: its run
     * ended with LDR, and nothing here will resume it.
     */
    static Optional<Research> research(LdrResearch row) {
        Optional<Instant> created = LdrTimes.parse(row.createdAt());
        String mode = row.mode() == null ? null : row.mode().trim().toLowerCase(Locale.ROOT);
        if (created.isEmpty()) {
            return Optional.empty();
        }
        Research fresh;
        try {
            fresh = Research.create(id(row.id()), row.query(), mode, created.get());
        } catch (RuleViolationException refused) {
            return Optional.empty();
        }
        ResearchStatus status = status(row.status());
        Instant started = status == ResearchStatus.PENDING ? null : created.get();
        Instant completed = status.isFinal() ? LdrTimes.parse(row.completedAt()).orElse(null) : null;
        Map<String, Object> metadata = JsonNesting.depthOfValue(row.metadata()) > JsonNesting.MAX_DEPTH
                ? Map.of() : row.metadata();
        return Optional.of(new Research(fresh.id(), fresh.query(), fresh.mode(), status,
                cut(row.title(), Research.MAX_TITLE_LENGTH), progress(row.progress(), status), created.get(), started,
                completed, metadata));
    }

    /** The resource of an LDR row for research {@code researchId}; empty without a usable URL. */
    static Optional<ResearchResource> resource(LdrResource row, UUID researchId, Instant fallbackTime) {
        try {
            return Optional.of(new ResearchResource(UUID.randomUUID(), researchId, null,
                    cut(row.title(), ResearchResource.MAX_TITLE_LENGTH), row.url(),
                    cut(row.preview(), ResearchResource.MAX_SNIPPET_LENGTH),
                    cut(row.sourceType(), ResearchResource.MAX_SOURCE_TYPE_LENGTH),
                    LdrTimes.parse(row.createdAt()).orElse(fallbackTime)));
        } catch (RuleViolationException refused) {
            return Optional.empty();
        }
    }

    /** The log line of an LDR row for research {@code researchId}, to append; empty without a message. */
    static Optional<ResearchLog> logLine(LdrLogLine row, UUID researchId, Instant fallbackTime) {
        try {
            return Optional.of(ResearchLog.unnumbered(researchId, level(row.level()),
                    cut(row.message(), ResearchLog.MAX_MESSAGE_LENGTH), null,
                    LdrTimes.parse(row.timestamp()).orElse(fallbackTime)));
        } catch (RuleViolationException refused) {
            return Optional.empty();
        }
    }

    private static UUID id(String ldrId) {
        try {
            return ldrId == null ? UUID.randomUUID() : UUID.fromString(ldrId);
        } catch (IllegalArgumentException notUuid) {
            return UUID.randomUUID();
        }
    }

    private static ResearchStatus status(String ldrStatus) {
        String name = ldrStatus == null ? "" : ldrStatus.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "completed" -> ResearchStatus.COMPLETED;
            case "suspended" -> ResearchStatus.SUSPENDED;
            case "cancelled", "canceled", "in_progress", "queued", "pending" -> ResearchStatus.CANCELLED;
            default -> ResearchStatus.FAILED;
        };
    }

    private static int progress(Integer ldrProgress, ResearchStatus status) {
        if (ldrProgress == null) {
            return status == ResearchStatus.COMPLETED ? 100 : 0;
        }
        return Math.max(0, Math.min(100, ldrProgress));
    }

    /** loguru's levels (and LDR's own MILESTONE) onto ours. */
    private static String level(String ldrLevel) {
        String name = ldrLevel == null ? "" : ldrLevel.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "TRACE", "DEBUG" -> "debug";
            case "WARNING", "WARN" -> "warning";
            case "ERROR", "CRITICAL", "EXCEPTION" -> "error";
            default -> "info";
        };
    }

    private static String cut(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - CUT_MARK.length();
        // Never split a surrogate pair: half of one would make the text malformed, which our rules refuse.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT_MARK;
    }
}
