package dev.researchvault.domain.agent;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.JsonObjects;
import dev.researchvault.domain.JsonSize;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.settings.JsonNesting;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent: a named model with a system prompt and parameters, that chats may belong to and that runs
 * {@link AgentExecution executions}. Names are unique per user, compared without regard to case.
 *
 * @param parameters free JSON values (temperature, tools, …) kept verbatim for the engine that runs the agent
 */
public record Agent(UUID id, String name, String description, String model, String systemPrompt, boolean active,
                    Map<String, Object> parameters, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;
    public static final int MAX_MODEL_LENGTH = 200;
    public static final int MAX_SYSTEM_PROMPT_LENGTH = 100_000;
    /** Written out, parameters take at most this many characters: settings for an engine, not documents. */
    public static final int MAX_PARAMETERS_CHARS = 16 * 1024;

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkFields(name, description, model, systemPrompt, parameters, false);
        parameters = JsonObjects.copyOf(parameters);
    }

    /**
     * Checks every part a client writes.
     *
     * @param changes whether these are the changes of an agent, where a null name or model is one left unchanged
     * @throws RuleViolationException naming every refused part, with the first refusal's code
     */
    public static void checkFields(String name, String description, String model, String systemPrompt,
                                   Map<String, Object> parameters, boolean changes) {
        FieldChecks fields = new FieldChecks();
        if (!changes || name != null) {
            fields.checkThat("name", () -> Texts.requiredName(name, MAX_NAME_LENGTH, "agent.invalid-name"));
        }
        fields.check("description",
                () -> Texts.bounded(description, MAX_DESCRIPTION_LENGTH, "agent.invalid-description", "description"));
        if (!changes || model != null) {
            fields.check("model", () -> Texts.required(model, MAX_MODEL_LENGTH, "agent.invalid-model", "model"));
        }
        fields.check("systemPrompt", () -> Texts.bounded(systemPrompt, MAX_SYSTEM_PROMPT_LENGTH,
                "agent.invalid-system-prompt", "systemPrompt"));
        fields.checkThat("parameters", () -> checkParameters(JsonObjects.copyOf(parameters)));
        fields.requireNone();
    }

    private static void checkParameters(Map<String, Object> parameters) {
        if (JsonNesting.depthOfValue(parameters) > JsonNesting.MAX_DEPTH) {
            throw new RuleViolationException("agent.parameters-too-deep",
                    "parameters are nested deeper than " + JsonNesting.MAX_DEPTH + " levels of arrays and objects");
        }
        if (!JsonSize.atMost(parameters, MAX_PARAMETERS_CHARS)) {
            throw new RuleViolationException("agent.parameters-too-large",
                    "parameters must take at most " + MAX_PARAMETERS_CHARS + " characters as JSON");
        }
    }

    /** A new agent, active unless said otherwise. */
    public static Agent create(UUID id, String name, String description, String model, String systemPrompt,
                               Boolean active, Map<String, Object> parameters, Instant now) {
        return new Agent(id, name, description, model, systemPrompt, active == null || active, parameters, now, now);
    }

    /** This agent with the given fields changed (null: unchanged), touched at {@code now}. */
    public Agent change(AgentChanges changes, Instant now) {
        return new Agent(id, or(changes.name(), name), clearable(changes.description(), description),
                or(changes.model(), model), clearable(changes.systemPrompt(), systemPrompt),
                or(changes.active(), active), or(changes.parameters(), parameters), createdAt, now);
    }

    /** An optional text: null leaves it, the empty string clears it (JSON PATCH bodies cannot say "absent"). */
    private static String clearable(String changed, String current) {
        if (changed == null) {
            return current;
        }
        return changed.isEmpty() ? null : changed;
    }

    private static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }

    /** What a PATCH may change; null fields stay as they are, an empty description or system prompt clears it. */
    public record AgentChanges(String name, String description, String model, String systemPrompt, Boolean active,
                               Map<String, Object> parameters) {
    }
}
