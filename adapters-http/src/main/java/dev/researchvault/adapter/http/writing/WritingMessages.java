package dev.researchvault.adapter.http.writing;

import static dev.researchvault.adapter.http.research.PathIds.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.domain.writing.Draft;
import dev.researchvault.domain.writing.DraftReference;
import dev.researchvault.domain.writing.DraftVersion;
import dev.researchvault.domain.writing.WritingSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * Bodies of the writing endpoints. Requests take every field as optional so the domain says what is missing;
 * responses always carry every field, null or not.
 */
final class WritingMessages {

    private WritingMessages() {
    }

    /** A new session, or the changes of a PATCH. */
    @Serdeable
    record SessionRequest(@Nullable String title, @Nullable String chatId) {
    }

    @Serdeable
    record NewDraftRequest(@Nullable String title, @Nullable String content) {
    }

    /** A new version: {@code content}, the title unless absent, over the version the client last read. */
    @Serdeable
    record SaveDraftRequest(@Nullable String content, @Nullable String title, @Nullable Integer baseVersion) {
    }

    @Serdeable
    record ReferenceRequest(@Nullable String citation, @Nullable String documentId, @Nullable String researchId,
                            @Nullable String resourceId, @Nullable String url, @Nullable Integer position) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionResponse(String id, String title, String chatId, String createdAt, String updatedAt) {

        static SessionResponse of(WritingSession s) {
            return new SessionResponse(s.id().toString(), s.title(), text(s.chatId()), time(s.createdAt()),
                    time(s.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DraftResponse(String id, String sessionId, String title, int version, String content, String createdAt,
                         String updatedAt) {

        static DraftResponse of(Draft d) {
            return new DraftResponse(d.id().toString(), d.sessionId().toString(), d.title(), d.version(), d.content(),
                    time(d.createdAt()), time(d.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VersionResponse(int version, String title, int length, String savedAt) {

        static VersionResponse of(DraftVersion v) {
            return new VersionResponse(v.version(), v.title(), v.length(), time(v.savedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReferenceResponse(String id, String draftId, String citation, String documentId, String researchId,
                             String resourceId, String url, Integer position, String createdAt) {

        static ReferenceResponse of(DraftReference r) {
            return new ReferenceResponse(r.id().toString(), r.draftId().toString(), r.citation(), text(r.documentId()),
                    text(r.researchId()), text(r.resourceId()), r.url(), r.position(), time(r.createdAt()));
        }
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
