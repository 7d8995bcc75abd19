package dev.researchvault.adapter.http.document;

import dev.researchvault.adapter.http.file.MultipartForm;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.document.Document;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.io.IOException;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * A document uploaded as {@code multipart/form-data}: the file part {@code file} (exactly one; its
 * {@code Content-Type} becomes the document's media type, its filename the title when none is given) and the
 * optional text parts {@code title}, {@code authors}, {@code year}, {@code sourceUrl}. Any other part, or a part
 * sent twice, is refused rather than silently dropped. The file's bytes are copied once into a heap array and the
 * framework's buffer released; a file above the size limit is released without being copied (413).
 */
final class DocumentUpload implements MultipartForm.Parts {

    static final String INVALID = "document.invalid-multipart";
    private static final Set<String> TEXT_PARTS = Set.of("title", "authors", "year", "sourceUrl");

    private final FileSizeLimit limit;
    private final java.util.Map<String, String> texts = new java.util.HashMap<>();
    private String fileName;
    private String mime;
    private byte[] bytes;

    private DocumentUpload(FileSizeLimit limit) {
        this.limit = limit;
    }

    /** Reads every part (blocking the calling thread, never an event loop) and checks them. */
    static DocumentUpload read(Publisher<CompletedPart> body, FileSizeLimit limit) {
        DocumentUpload upload = new DocumentUpload(limit);
        MultipartForm.read(body, upload);
        if (upload.bytes == null) {
            throw new RuleViolationException("document.file-required", "a document upload needs a file part named file");
        }
        return upload;
    }

    @Override
    public void accept(CompletedPart part) throws IOException {
        String name = part.getName();
        if (part instanceof CompletedFileUpload file && "file".equals(name)) {
            if (bytes != null) {
                throw invalid("send one file part named file");
            }
            limit.check(file.getSize());
            fileName = file.getFilename();
            mime = MultipartForm.mimeOf(file);
            bytes = file.getBytes();
        } else if (!(part instanceof CompletedFileUpload) && TEXT_PARTS.contains(name)) {
            if (texts.putIfAbsent(name, MultipartForm.text(part)) != null) {
                throw invalid("each text part may be sent once");
            }
        } else {
            throw invalid("unexpected part: parts are file (a file) and title, authors, year, sourceUrl (text)");
        }
    }

    @Override
    public DomainException unreadable() {
        return invalid("a part could not be read");
    }

    /** The fields of the new document; an empty text part is as if it had not been sent. */
    Document.NewDocument fields() {
        return new Document.NewDocument(texts.get("title"), texts.get("authors"), DocumentMessages.year(texts.get("year")),
                texts.get("sourceUrl"), fileName);
    }

    String mime() {
        return mime;
    }

    byte[] bytes() {
        return bytes;
    }

    private static RuleViolationException invalid(String detail) {
        return new RuleViolationException(INVALID, detail);
    }
}
