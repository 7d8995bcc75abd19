package dev.researchvault.application.events;

import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.research.Research;
import dev.researchvault.domain.research.ResearchLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events the services publish, one factory per change, so that every event of a type has the same members
 * (docs/events.md lists them). Events carry ids, statuses and log lines; a client reads anything larger (a report,
 * a message's content) through the API.
 */
public final class ChangeEvents {

    public static final String RESEARCH_UPDATED = "research.updated";
    public static final String RESEARCH_DELETED = "research.deleted";
    public static final String RESEARCH_LOG = "research.log";
    public static final String EXECUTION_UPDATED = "execution.updated";
    public static final String EXECUTION_LOG = "execution.log";
    public static final String MESSAGE_CREATED = "message.created";
    public static final String DOCUMENT_UPDATED = "document.updated";

    private ChangeEvents() {
    }

    /** A research was started or its status, progress or title changed. */
    public static ChangeEvent researchUpdated(Research research) {
        return event(RESEARCH_UPDATED, research.id(), "id", research.id(), "status", research.status().wireName(),
                "progress", research.progress(), "title", research.title());
    }

    public static ChangeEvent researchDeleted(UUID id) {
        return event(RESEARCH_DELETED, id, "id", id);
    }

    public static ChangeEvent researchLog(ResearchLog line) {
        return event(RESEARCH_LOG, line.researchId(), "researchId", line.researchId(), "sequence", line.sequence(),
                "level", line.level(), "message", line.message(), "progress", line.progress(),
                "createdAt", line.createdAt().toString());
    }

    /** An execution was started or its status changed or its result was reported. */
    public static ChangeEvent executionUpdated(AgentExecution execution) {
        return event(EXECUTION_UPDATED, execution.id(), "id", execution.id(), "agentId", execution.agentId(),
                "chatId", execution.chatId(), "status", execution.status().wireName());
    }

    public static ChangeEvent executionLog(ExecutionLog line) {
        return event(EXECUTION_LOG, line.executionId(), "executionId", line.executionId(),
                "sequence", line.sequence(), "level", line.level(), "message", line.message(),
                "createdAt", line.createdAt().toString());
    }

    /** A message was added to a chat; its content is read through the API. */
    public static ChangeEvent messageCreated(Message message) {
        return event(MESSAGE_CREATED, message.id(), "id", message.id(), "chatId", message.chatId(),
                "role", message.role().wireName(), "createdAt", message.createdAt().toString());
    }

    /** A document's processing status (or its title, authors…) changed: what an upload list shows. */
    public static ChangeEvent documentUpdated(Document document) {
        return event(DOCUMENT_UPDATED, document.id(), "id", document.id(), "status", document.status().wireName(),
                "error", document.error(), "title", document.title());
    }

    /** Members as name, value pairs; ids as text, null members kept (a client can tell "none" from "not sent"). */
    private static ChangeEvent event(String type, UUID subject, Object... members) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            Object value = members[i + 1];
            data.put((String) members[i], value instanceof UUID id ? id.toString() : value);
        }
        return new ChangeEvent(type, subject, data);
    }
}
