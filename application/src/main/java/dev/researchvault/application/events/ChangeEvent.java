package dev.researchvault.application.events;

import dev.researchvault.domain.JsonObjects;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to a user's data that a live client may want to see without polling: a research's status, a new log
 * line, a new message. Published by the services after the change committed, never before; carries what a UI needs
 * to update itself (the ids, the new status, the log line), not whole objects.
 *
 * @param type    what changed ({@code research.updated}, {@code research.log}, …; docs/events.md lists them)
 * @param subject the id of what changed (the research, the execution, the message)
 * @param data    the event's JSON object, answered as the SSE {@code data}
 */
public record ChangeEvent(String type, UUID subject, Map<String, Object> data) {

    public ChangeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        data = JsonObjects.copyOf(data);
    }
}
