package dev.researchvault.adapter.http.document;

import static dev.researchvault.adapter.http.research.PathIds.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.application.document.DocumentView;
import dev.researchvault.domain.Batches;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentChunk;
import dev.researchvault.domain.document.DocumentGroup;
import dev.researchvault.domain.document.DocumentStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bodies of the document and document group endpoints. Requests take every field as optional so the domain says
 * what is missing; responses carry every field, null or not.
 */
final class DocumentMessages {

    static final String INVALID_YEAR = "document.invalid-year";
    // At most 5 digits and a sign: anything longer is no year, and Integer.parseInt is never asked to overflow.
    private static final Pattern YEAR = Pattern.compile("-?[0-9]{1,5}");

    private DocumentMessages() {
    }

    /** A year sent as text (a multipart part), or null when absent or empty; 400 when it is no whole number. */
    static Integer year(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!YEAR.matcher(text).matches()) {
            throw new RuleViolationException(INVALID_YEAR, "year must be a whole number");
        }
        return Integer.parseInt(text);
    }

    /** A new document whose file is an earlier upload ({@code POST /api/v1/uploads}); the other fields as in multipart. */
    @Serdeable
    record UploadedDocumentRequest(@Nullable String uploadId, @Nullable String title, @Nullable String authors,
                                   @Nullable Integer year, @Nullable String sourceUrl) {

        UUID upload() {
            if (uploadId == null) {
                throw new RuleViolationException("document.file-required", "a document needs uploadId, or a multipart file part");
            }
            return PathIds.parseReference(uploadId, "document.invalid-upload-id");
        }

        /** The document's fields, once they and {@link #upload} are checked: every refused part is named at once. */
        Document.NewDocument fields() {
            FieldChecks checks = new FieldChecks();
            Document.NewDocument fields = checks.checkParts("title",
                    () -> new Document.NewDocument(title, authors, year, sourceUrl, null));
            checks.check("uploadId", this::upload);
            checks.requireNone();
            return fields;
        }
    }

    /**
     * The changes of a PATCH: any of the fields; an empty {@code authors} or {@code sourceUrl} clears it, and so
     * does {@code year: ""} the year. {@code error} goes with status {@code failed}.
     */
    @Serdeable
    record DocumentChangesRequest(@Nullable String title, @Nullable String authors,
                                  // A number, or "" to clear; read by changes(): a JSON null cannot be told from absent.
                                  @Nullable @Schema(type = "integer", nullable = true) Object year,
                                  @Nullable String sourceUrl, @Nullable String status, @Nullable String error) {

        /** The changes; every refused part (year, status, then the changes' own) is named at once. */
        Document.DocumentChanges changes() {
            FieldChecks checks = new FieldChecks();
            boolean clearYear = "".equals(year);
            Integer newYear = checks.check("year", () -> clearYear || year == null ? null : wholeYear(year));
            DocumentStatus newStatus = checks.check("status",
                    () -> status == null ? null : DocumentStatus.fromWire(status));
            Document.DocumentChanges changes = new Document.DocumentChanges(title, authors, newYear, clearYear,
                    sourceUrl, newStatus, error);
            checks.checkAll("title", changes::requireValid);
            checks.requireNone();
            return changes;
        }

        private static Integer wholeYear(Object value) {
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && Math.abs(number.doubleValue()) <= Document.MAX_YEAR) {
                return number.intValue();
            }
            throw new RuleViolationException(INVALID_YEAR, "year must be a whole number between "
                    + Document.MIN_YEAR + " and " + Document.MAX_YEAR + ", or \"\" to clear it");
        }
    }

    @Serdeable
    record TextRequest(@Nullable String text) {
    }

    /** One chunk of a {@code PUT /documents/{id}/chunks} body (its schema; the body is read by {@link #chunks}). */
    @Serdeable
    record ChunkRequest(@Nullable Integer index, @Nullable String text, @Nullable Long startOffset,
                        @Nullable Long endOffset, @Nullable Map<String, Object> metadata) {

        /**
         * The chunks of a body read as a tree, field by field: bound as a list of records, the framework silently
         * drops {@code null} elements ({@code [null]} would replace every chunk with none) and wraps an index above
         * the int range ({@code 2^40} became chunk 0).
         */
        static List<DocumentChunk> chunks(JsonNode body, JsonMapper mapper) {
            if (body == null || !body.isArray()) {
                throw invalidChunks("the body is a JSON array of chunks");
            }
            if (body.size() > DocumentChunk.MAX_CHUNKS) {
                throw invalidChunks("a document has at most " + DocumentChunk.MAX_CHUNKS + " chunks");
            }
            List<JsonNode> elements = new java.util.ArrayList<>(body.size());
            body.values().forEach(elements::add);
            // Every refused chunk is named by its index, so a client can fix them all at once.
            return Batches.mapAll(elements, element -> chunk(element, mapper));
        }

        private static DocumentChunk chunk(JsonNode chunk, JsonMapper mapper) {
            if (!chunk.isObject()) {
                throw invalidChunks("each chunk is a JSON object");
            }
            long index = whole(chunk.get("index"), "index");
            if (index > Integer.MAX_VALUE) {
                throw invalidChunks("a chunk index is at most " + Integer.MAX_VALUE);
            }
            JsonNode text = chunk.get("text");
            if (text == null || !text.isString()) {
                throw invalidChunks("each chunk needs its text as a string");
            }
            return new DocumentChunk((int) index, text.getStringValue(), whole(chunk.get("startOffset"), "startOffset"),
                    whole(chunk.get("endOffset"), "endOffset"), metadata(chunk.get("metadata"), mapper));
        }

        /** A whole number that fits a long, written as JSON integer or as a decimal without fraction. */
        private static long whole(JsonNode value, String field) {
            if (value != null && value.isNumber()) {
                Number number = value.getNumberValue();
                if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
                    return number.longValue();
                }
                if (number instanceof java.math.BigInteger big && big.bitLength() < 64) {
                    return big.longValue();
                }
                double asDouble = number.doubleValue();
                if (!(number instanceof java.math.BigInteger) && asDouble == Math.rint(asDouble)
                        && Math.abs(asDouble) < 9.0e15) {
                    return (long) asDouble;
                }
            }
            throw invalidChunks("each chunk needs " + field + " as a whole number");
        }

        private static Map<String, Object> metadata(JsonNode value, JsonMapper mapper) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw invalidChunks("a chunk's metadata is a JSON object");
            }
            try {
                return mapper.readValueFromTree(value, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            } catch (java.io.IOException | RuntimeException unreadable) {
                // Whatever the reader says is that chunk's fault, never a 500.
                throw invalidChunks("a chunk's metadata is a JSON object");
            }
        }

        private static RuleViolationException invalidChunks(String detail) {
            return new RuleViolationException("document.invalid-chunks", detail);
        }
    }

    @Serdeable
    record GroupRequest(@Nullable String name, @Nullable String description) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupRefResponse(String id, String name) {

        static GroupRefResponse of(DocumentGroup.Ref ref) {
            return new GroupRefResponse(ref.id().toString(), ref.name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DocumentResponse(String id, String title, String authors, Integer year, String sourceUrl, String mime,
                            long size, String sha256, String status, String error, String createdAt, String updatedAt,
                            List<GroupRefResponse> groups) {

        static DocumentResponse of(DocumentView view) {
            Document d = view.document();
            return new DocumentResponse(d.id().toString(), d.title(), d.authors(), d.year(), d.sourceUrl(), d.mime(),
                    d.size(), d.sha256(), d.status().wireName(), d.error(), time(d.createdAt()), time(d.updatedAt()),
                    view.groups().stream().map(GroupRefResponse::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChunkResponse(int index, String text, long startOffset, long endOffset, Map<String, Object> metadata) {

        static ChunkResponse of(DocumentChunk c) {
            return new ChunkResponse(c.index(), c.text(), c.startOffset(), c.endOffset(), c.metadata());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupResponse(String id, String name, String description, long documentCount, String createdAt,
                         String updatedAt) {

        static GroupResponse of(DocumentGroup.Counted counted) {
            DocumentGroup g = counted.group();
            return new GroupResponse(g.id().toString(), g.name(), g.description(), counted.documentCount(),
                    time(g.createdAt()), time(g.updatedAt()));
        }
    }
}
