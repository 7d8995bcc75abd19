package dev.researchvault.adapter.http.research;

import dev.researchvault.adapter.http.json.JsonBytes;
import dev.researchvault.adapter.http.research.ResearchMessages.ResearchResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a {@link ResearchResponse} as JSON by hand: the same bytes as the generated serde serializer (field order,
 * nulls written), without its per-property walk. Serde's writing was 5 % of {@code GET /api/v1/research/{id}}'s
 * CPU in a JFR profile, twice the floor's (docs/benchmarks.md, "Research by id, side by side"). The parts whose
 * text has many shapes, {@code metadata} (any JSON object) and {@code usage} (a decimal cost), are still written
 * by serde when present; {@code ResearchResponseWriterSpec} compares whole answers with serde's.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
final class ResearchResponseWriter implements MessageBodyWriter<ResearchResponse> {

    private static final Argument<Map<String, Object>> METADATA = Argument.mapOf(String.class, Object.class);
    /** Room for a research without long texts: the seeded one is 272 bytes. */
    private static final int EXPECTED_LENGTH = 384;
    private static final String CONTENT_TYPE = "content-type";

    private final JsonMapper json;

    ResearchResponseWriter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void writeTo(Argument<ResearchResponse> type, MediaType mediaType, ResearchResponse research,
                        MutableHeaders headers, OutputStream out) throws CodecException {
        // Spelled as Micronaut's Netty JSON writer sets it for serde's answers: the wire shows a name as it was set.
        headers.set(CONTENT_TYPE, mediaType);
        try {
            out.write(bytes(research));
        } catch (IOException failed) {
            throw new CodecException("Error encoding object [" + research + "] to JSON: " + failed.getMessage(), failed);
        }
    }

    byte[] bytes(ResearchResponse r) throws IOException {
        JsonBytes text = new JsonBytes(EXPECTED_LENGTH)
                .raw("{\"id\":").string(r.id())
                .raw(",\"query\":").string(r.query())
                .raw(",\"mode\":").string(r.mode())
                .raw(",\"status\":").string(r.status())
                .raw(",\"title\":").string(r.title())
                .raw(",\"progress\":").number(r.progress())
                .raw(",\"createdAt\":").string(r.createdAt())
                .raw(",\"startedAt\":").string(r.startedAt())
                .raw(",\"completedAt\":").string(r.completedAt())
                .raw(",\"durationSeconds\":").number(r.durationSeconds())
                .raw(",\"metadata\":");
        if (r.metadata() == null || r.metadata().isEmpty()) {
            text.raw(r.metadata() == null ? "null" : "{}");
        } else {
            text.raw(json.writeValueAsBytes(METADATA, r.metadata()));
        }
        text.raw(",\"usage\":");
        if (r.usage() == null) {
            text.raw("null");
        } else {
            text.raw(json.writeValueAsBytes(r.usage()));
        }
        return text.raw(",\"chatId\":").string(r.chatId()).raw("}").toBytes();
    }
}
