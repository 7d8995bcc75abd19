package dev.researchvault.adapter.http.chat;

import dev.researchvault.application.chat.FileSizeLimit;
import dev.researchvault.application.chat.NewFile;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

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
final class MultipartMessage implements Subscriber<CompletedPart> {

    /** Stable code of a body that is not well-formed multipart/form-data. */
    static final String MALFORMED = "request.malformed-multipart";
    /**
     * How Micronaut words the failure of Netty's decoder when it has buffered more than
     * {@code micronaut.server.netty.form-max-buffered-bytes} (1 KiB) while looking for a delimiter or for the end
     * of a part's headers: in a multipart body that means there are none, not that the body is too large.
     * It is reported as a {@link ContentLengthExceededException} (413) with nothing else to tell it apart.
     */
    private static final String UNDELIMITED = "Length of buffered form field exceeds";
    private static final Pattern THUMBNAIL_PART = Pattern.compile("thumbnail\\.(0|[1-9][0-9]{0,5})");
    private static final String DEFAULT_MIME = MediaType.APPLICATION_OCTET_STREAM;

    private final FileSizeLimit limit;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<Upload> files = new ArrayList<>();
    private final Map<Integer, Upload> thumbnails = new HashMap<>();
    private Subscription subscription;
    private String role;
    private String content;
    private boolean anyPart;
    private DomainException refusal;

    private MultipartMessage(FileSizeLimit limit) {
        this.limit = limit;
    }

    private record Upload(String name, String mime, byte[] data) {
    }

    /** Reads every part (blocking the calling thread, never an event loop) and checks them. */
    static MultipartMessage read(Publisher<CompletedPart> body, FileSizeLimit limit) {
        MultipartMessage message = new MultipartMessage(limit);
        body.subscribe(message);
        try {
            message.done.join();
        } catch (CompletionException failure) {
            throw decodingFailure(failure.getCause());
        }
        if (message.refusal != null) {
            throw message.refusal;
        }
        if (!message.anyPart) {
            throw malformed("the multipart/form-data body has no part: check the boundary and the delimiters");
        }
        return message;
    }

    /** What the framework's failure to decode the body means for the client; never its message, which can quote input. */
    private static RuntimeException decodingFailure(Throwable failure) {
        if (failure instanceof ContentLengthExceededException tooLarge
                && (tooLarge.getMessage() == null || !tooLarge.getMessage().startsWith(UNDELIMITED))) {
            return tooLarge;
        }
        if (failure instanceof DomainException refused) {
            return refused;
        }
        return malformed("the body is not well-formed multipart/form-data: check the boundary, the delimiters "
                + "and each part's Content-Disposition");
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
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(CompletedPart part) {
        anyPart = true;
        try {
            // After a refusal the rest is still read (and dropped), so the client gets a clean answer.
            if (refusal == null) {
                accept(part);
            }
        } catch (DomainException refused) {
            refusal = refused;
        } catch (IOException unreadable) {
            refusal = invalid("a part could not be read");
        } finally {
            if (part instanceof CompletedFileUpload upload) {
                upload.discard();
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    private void accept(CompletedPart part) throws IOException {
        String name = part.getName();
        if (part instanceof CompletedFileUpload upload) {
            acceptFile(name, upload);
        } else if ("role".equals(name)) {
            role = text(part);
        } else if ("content".equals(name)) {
            content = text(part);
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
        // Micronaut gives the part's media type without parameters (a charset is lost): documented in api.md.
        String mime = upload.getContentType().map(MediaType::getName).orElse(DEFAULT_MIME);
        Upload read = new Upload(upload.getFilename(), mime, upload.getBytes());
        if (thumbnail.matches()) {
            thumbnails.put(Integer.parseInt(thumbnail.group(1)), read);
        } else {
            files.add(read);
        }
    }

    private static String text(CompletedPart part) throws IOException {
        return new String(part.getBytes(), StandardCharsets.UTF_8);
    }

    private static RuleViolationException invalid(String detail) {
        return new RuleViolationException("chat.invalid-multipart", detail);
    }

    private static RuleViolationException malformed(String detail) {
        return new RuleViolationException(MALFORMED, detail);
    }
}
