package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.file.MultipartForm;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.application.chat.NewFile;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;

/**
 * A message posted as {@code multipart/form-data}. Parts: {@code role} and {@code content} (text fields),
 * {@code files} (file parts, repeatable: the n-th is file n; its filename and {@code Content-Type} become the
 * file's name and media type) and {@code thumbnail.<n>} (optional file part: the thumbnail of file n). Any
 * other part is refused, rather than silently losing a file sent under a misspelt name.
 *
 * <p>Each file part's bytes are copied once into a heap array as the part completes, and the framework's
 * buffer is released at once; a part above the size limit is released without being copied.
 *
 * <p>A body the framework cannot decode as multipart, or one without any part, is refused with
 * {@value #MALFORMED} (400); bodies and parts above the size limits stay 413.
 */
final class MultipartMessage implements MultipartForm.Parts {

    /** Stable code of a body that is not well-formed multipart/form-data. */
    static final String MALFORMED = MultipartForm.MALFORMED;
    private static final Pattern THUMBNAIL_PART = Pattern.compile("thumbnail\\.(0|[1-9][0-9]{0,5})");

    private final FileSizeLimit limit;
    private final List<Upload> files = new ArrayList<>();
    private final Map<Integer, Upload> thumbnails = new HashMap<>();
    private String role;
    private String content;

    private MultipartMessage(FileSizeLimit limit) {
        this.limit = limit;
    }

    private record Upload(String name, String mime, byte[] data) {
    }

    /** Reads every part (blocking the calling thread, never an event loop) and checks them. */
    static MultipartMessage read(Publisher<CompletedPart> body, FileSizeLimit limit) {
        MultipartMessage message = new MultipartMessage(limit);
        MultipartForm.read(body, message);
        return message;
    }

    String role() {
        return role;
    }

    String content() {
        return content;
    }

    /** The files in index order, each with its thumbnail when one was sent. */
    List<NewFile> files() {
        if (thumbnails.keySet().stream().anyMatch(index -> index >= files.size())) {
            throw invalid("a thumbnail.<n> part names a file that was not sent");
        }
        List<NewFile> result = new ArrayList<>(files.size());
        for (int index = 0; index < files.size(); index++) {
            Upload file = files.get(index);
            Upload thumbnail = thumbnails.get(index);
            result.add(new NewFile(file.name(), file.mime(), file.data(), thumbnail == null ? null : thumbnail.mime(),
                    thumbnail == null ? null : thumbnail.data()));
        }
        return result;
    }

    @Override
    public DomainException unreadable() {
        return invalid("a part could not be read");
    }

    @Override
    public void accept(CompletedPart part) throws IOException {
        String name = part.getName();
        if (part instanceof CompletedFileUpload upload) {
            acceptFile(name, upload);
        } else if ("role".equals(name)) {
            role = MultipartForm.text(part);
        } else if ("content".equals(name)) {
            content = MultipartForm.text(part);
        } else {
            throw invalid("unexpected part: parts are role, content, files and thumbnail.<n>");
        }
    }

    private void acceptFile(String name, CompletedFileUpload upload) throws IOException {
        Matcher thumbnail = THUMBNAIL_PART.matcher(name);
        if (!"files".equals(name) && !thumbnail.matches()) {
            throw invalid("unexpected file part: file parts are files and thumbnail.<n>");
        }
        limit.check(upload.getSize());
        Upload read = new Upload(upload.getFilename(), MultipartForm.mimeOf(upload), upload.getBytes());
        if (thumbnail.matches()) {
            thumbnails.put(Integer.parseInt(thumbnail.group(1)), read);
        } else {
            files.add(read);
        }
    }

    private static RuleViolationException invalid(String detail) {
        return new RuleViolationException("chat.invalid-multipart", detail);
    }
}
