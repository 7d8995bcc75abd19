package dev.researchvault.domain.chat;

import dev.researchvault.domain.Texts;
import dev.researchvault.domain.agent.Agent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation. {@code updatedAt} moves with every message posted to it. A chat may belong to an agent:
 * {@code agentName} is the agent's name when it was linked, kept after the agent is deleted ({@code agentId}
 * then null).
 */
public record Chat(UUID id, String title, Instant createdAt, Instant updatedAt, UUID agentId, String agentName) {

    public static final int MAX_TITLE_LENGTH = 500;

    public Chat {
        Objects.requireNonNull(id, "id");
        Texts.required(title, MAX_TITLE_LENGTH, "chat.invalid-title", "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A chat that belongs to no agent. */
    public Chat(UUID id, String title, Instant createdAt, Instant updatedAt) {
        this(id, title, createdAt, updatedAt, null, null);
    }

    public static Chat create(UUID id, String title, Instant now) {
        return new Chat(id, title, now, now);
    }

    /** A new chat of {@code agent} (none when null). */
    public static Chat create(UUID id, String title, Agent agent, Instant now) {
        return agent == null ? create(id, title, now) : new Chat(id, title, now, now, agent.id(), agent.name());
    }

    public Chat renamed(String newTitle, Instant now) {
        return new Chat(id, newTitle, createdAt, now, agentId, agentName);
    }

    /** This chat moved to {@code agent}. */
    public Chat ofAgent(Agent agent, Instant now) {
        return new Chat(id, title, createdAt, now, agent.id(), agent.name());
    }

    /** This chat with its update time moved to {@code now} (a message was posted). */
    public Chat touched(Instant now) {
        return new Chat(id, title, createdAt, now, agentId, agentName);
    }
}
