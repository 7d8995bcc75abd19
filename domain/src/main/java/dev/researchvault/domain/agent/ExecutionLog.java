package dev.researchvault.domain.agent;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One line of an execution's append-only log, numbered 1, 2, 3… per execution in the order appended; clients
 * poll with "after the last sequence I saw", as for research logs.
 */
public record ExecutionLog(UUID executionId, long sequence, String level, String message, Instant createdAt) {

    public static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error");
    public static final int MAX_MESSAGE_LENGTH = 10_000;

    public ExecutionLog {
        // Set.of(...).contains(null) throws: a request without a level would answer 500 instead of 400.
        FieldChecks fields = new FieldChecks();
        fields.checkThat("level", () -> {
            if (level == null || !LEVELS.contains(level)) {
                throw new RuleViolationException("execution.invalid-log-level",
                        "level must be debug, info, warning or error");
            }
        });
        fields.check("message",
                () -> Texts.required(message, MAX_MESSAGE_LENGTH, "execution.invalid-log-message", "message"));
        fields.requireNone();
    }

    /** A line to append: its sequence is given by the repository. */
    public static ExecutionLog unnumbered(UUID executionId, String level, String message, Instant now) {
        return new ExecutionLog(executionId, 0, level, message, now);
    }

    public ExecutionLog withSequence(long newSequence) {
        return new ExecutionLog(executionId, newSequence, level, message, createdAt);
    }
}
