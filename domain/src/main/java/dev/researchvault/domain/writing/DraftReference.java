package dev.researchvault.domain.writing;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reference (citation) of a draft. The citation text is what the draft cites and stays when the linked
 * document or research is deleted; the links then become null.
 *
 * @param position where in the draft the reference sits (a character offset or an ordinal, the client's choice),
 *                 or null
 */
public record DraftReference(UUID id, UUID draftId, String citation, UUID documentId, UUID researchId,
                             UUID resourceId, String url, Integer position, Instant createdAt) {

    public static final int MAX_CITATION_LENGTH = 10_000;
    public static final int MAX_URL_LENGTH = 4_000;
    /** References of one draft; a draft cites a bibliography, not a corpus. */
    public static final int MAX_PER_DRAFT = 1_000;

    public DraftReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(createdAt, "createdAt");
        checkFields(citation, researchId, resourceId, url, position);
    }

    /**
     * Checks every part a client writes.
     *
     * @throws RuleViolationException naming every refused part, with the first refusal's code
     */
    public static void checkFields(String citation, UUID researchId, UUID resourceId, String url, Integer position) {
        FieldChecks fields = new FieldChecks();
        fields.check("citation",
                () -> Texts.required(citation, MAX_CITATION_LENGTH, "reference.invalid-citation", "citation"));
        fields.check("url", () -> Texts.bounded(url, MAX_URL_LENGTH, "reference.invalid-url", "url"));
        fields.checkThat("resourceId", () -> {
            if (resourceId != null && researchId == null) {
                // A resource is one of a research's; without it, deleting the research could not unlink the resource.
                throw new RuleViolationException("reference.invalid-resource", "resourceId needs its researchId");
            }
        });
        fields.checkThat("position", () -> {
            if (position != null && position < 0) {
                throw new RuleViolationException("reference.invalid-position", "position must be 0 or more");
            }
        });
        fields.requireNone();
    }

    /** This reference with its document link gone (the document was deleted). */
    public DraftReference withoutDocument() {
        return new DraftReference(id, draftId, citation, null, researchId, resourceId, url, position, createdAt);
    }

    /** This reference with its research links gone (the research, and so its resources, were deleted). */
    public DraftReference withoutResearch() {
        return new DraftReference(id, draftId, citation, documentId, null, null, url, position, createdAt);
    }
}
