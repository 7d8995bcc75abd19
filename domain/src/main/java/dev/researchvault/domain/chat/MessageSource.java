package dev.researchvault.domain.chat;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.util.UUID;

/**
 * Where part of a message came from: a web page, or a resource of one of the user's research runs.
 *
 * @param researchId the research the source was found by, when it was (not checked against the vault: a
 *                   research deleted later leaves its sources as they were)
 * @param resourceId the resource of that research
 */
public record MessageSource(String title, String url, String snippet, UUID researchId, UUID resourceId) {

    public static final int MAX_TITLE_LENGTH = 1_000;
    public static final int MAX_URL_LENGTH = 4_096;
    public static final int MAX_SNIPPET_LENGTH = 10_000;

    public MessageSource {
        FieldChecks fields = new FieldChecks();
        fields.check("title", () -> Texts.required(title, MAX_TITLE_LENGTH, "chat.invalid-source", "a source's title"));
        fields.check("url", () -> Texts.required(url, MAX_URL_LENGTH, "chat.invalid-source", "a source's url"));
        fields.check("snippet",
                () -> Texts.bounded(snippet, MAX_SNIPPET_LENGTH, "chat.invalid-source", "a source's snippet"));
        fields.checkThat("resourceId", () -> {
            if (resourceId != null && researchId == null) {
                throw new RuleViolationException("chat.invalid-source", "a source's resourceId needs its researchId");
            }
        });
        fields.requireNone();
    }
}
