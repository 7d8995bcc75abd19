package dev.researchvault.domain.document;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.blob.BlobInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document of the user's library: its bibliographic fields, what its file is (media type, size, SHA-256; the
 * bytes are a blob owned by the document) and where its processing is. {@code error} is set only while the
 * document is {@link DocumentStatus#FAILED failed}: a move to any other status clears it.
 *
 * @param year publication year, or null when unknown
 */
public record Document(UUID id, String title, String authors, Integer year, String sourceUrl, String mime, long size,
                       String sha256, DocumentStatus status, String error, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 1_000;
    public static final int MAX_AUTHORS_LENGTH = 2_000;
    public static final int MAX_SOURCE_URL_LENGTH = 2_048;
    public static final int MAX_ERROR_LENGTH = 10_000;
    /** A year a document can have been written in, with room for the antique and no room for typos of 5 digits. */
    public static final int MIN_YEAR = -9_999;
    public static final int MAX_YEAR = 9_999;

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(sha256, "sha256");
        BlobInfo.requireValidMime(mime);
        FieldChecks fields = new FieldChecks();
        String checkedTitle = title;
        String checkedError = error;
        fields.check("title", () -> Texts.required(checkedTitle, MAX_TITLE_LENGTH, "document.invalid-title", "title"));
        checkOptionalFields(fields, authors, year, sourceUrl);
        fields.check("error", () -> Texts.bounded(checkedError, MAX_ERROR_LENGTH, "document.invalid-error", "error"));
        fields.requireNone();
        if (size < 0) {
            throw new IllegalArgumentException("a size is zero or more");
        }
        if (status != DocumentStatus.FAILED) {
            error = null;
        }
    }

    /**
     * A new, pending document for the file {@code file}; without a title it is named after the uploaded file
     * ({@code fileName}), and failing that "Untitled".
     */
    public static Document create(UUID id, NewDocument fields, BlobInfo file, Instant now) {
        String title = fields.title() != null && !fields.title().isBlank() ? fields.title()
                : fields.fileName() != null && !fields.fileName().isBlank() ? fields.fileName() : "Untitled";
        return new Document(id, title, emptyToNull(fields.authors()), fields.year(), emptyToNull(fields.sourceUrl()),
                file.mime(), file.size(), file.digest().sha256Hex(), DocumentStatus.PENDING, null, now, now);
    }

    /**
     * This document with the given changes, touched at {@code now}. A status change must be a legal move
     * ({@link DocumentStatus#canMoveTo}); {@code error} may be given only with (or while in) status failed.
     *
     * @throws ConflictException {@code document.illegal-status-change} for a move the status does not allow
     * @throws RuleViolationException {@code document.invalid-error} for an error on a document that is not failing
     */
    public Document change(DocumentChanges changes, Instant now) {
        DocumentStatus next = changes.status() == null ? status : changes.status();
        if (next != status && !status.canMoveTo(next)) {
            throw new ConflictException("document.illegal-status-change",
                    "a document cannot move from " + status.wireName() + " to " + next.wireName());
        }
        if (changes.error() != null && next != DocumentStatus.FAILED) {
            throw new RuleViolationException("document.invalid-error", "only a failed document has an error");
        }
        String nextError = next == DocumentStatus.FAILED ? (changes.error() != null ? changes.error() : error) : null;
        return new Document(id, changes.title() != null ? changes.title() : title, clearable(changes.authors(), authors),
                changes.clearYear() ? null : (changes.year() != null ? changes.year() : year),
                clearable(changes.sourceUrl(), sourceUrl), mime, size, sha256, next, nextError, createdAt, now);
    }

    /** The rules of the optional bibliographic fields, shared with {@link NewDocument}. */
    private static void checkOptionalFields(FieldChecks fields, String authors, Integer year, String sourceUrl) {
        fields.check("authors", () -> Texts.bounded(authors, MAX_AUTHORS_LENGTH, "document.invalid-authors", "authors"));
        fields.check("sourceUrl",
                () -> Texts.bounded(sourceUrl, MAX_SOURCE_URL_LENGTH, "document.invalid-source-url", "sourceUrl"));
        fields.checkThat("year", () -> {
            if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
                throw new RuleViolationException("document.invalid-year",
                        "year must be between " + MIN_YEAR + " and " + MAX_YEAR);
            }
        });
    }

    private static String clearable(String changed, String current) {
        if (changed == null) {
            return current;
        }
        return changed.isEmpty() ? null : changed;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * What an upload says about its document besides the bytes; every field may be null. Checked when made, by
     * the rules of a document, so an upload is refused before its bytes are stored.
     */
    public record NewDocument(String title, String authors, Integer year, String sourceUrl, String fileName) {
        public NewDocument {
            FieldChecks fields = new FieldChecks();
            String checkedTitle = title;
            fields.check("title", () -> Texts.bounded(checkedTitle, MAX_TITLE_LENGTH, "document.invalid-title", "title"));
            checkOptionalFields(fields, authors, year, sourceUrl);
            fields.requireNone();
            // A client's file name is only a fallback title: cut to fit rather than refuse the upload for it.
            if (fileName != null && fileName.length() > MAX_TITLE_LENGTH) {
                fileName = fileName.substring(0, MAX_TITLE_LENGTH);
            }
            if (fileName != null && !Texts.isWellFormed(fileName)) {
                fileName = null;
            }
        }
    }

    /**
     * What a PATCH may change; null fields stay, an empty {@code authors} or {@code sourceUrl} clears it,
     * {@code clearYear} clears the year.
     */
    public record DocumentChanges(String title, String authors, Integer year, boolean clearYear, String sourceUrl,
                                  DocumentStatus status, String error) {

        /**
         * Checks the parts whose rules need no document, before any is read (that only a failed document has an
         * error is checked against the document).
         *
         * @throws RuleViolationException naming every refused part, with the first refusal's code
         */
        public void requireValid() {
            FieldChecks fields = new FieldChecks();
            fields.check("title", () -> title == null ? null
                    : Texts.required(title, MAX_TITLE_LENGTH, "document.invalid-title", "title"));
            checkOptionalFields(fields, authors, year, sourceUrl);
            fields.check("error", () -> Texts.bounded(error, MAX_ERROR_LENGTH, "document.invalid-error", "error"));
            fields.requireNone();
        }
    }
}
