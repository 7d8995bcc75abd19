package dev.researchvault.adapter.http.file;

import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Reads a {@code multipart/form-data} body part by part, handing each to a {@link Parts} of the endpoint (a
 * message post, a document upload) and releasing the framework's buffer of every file part as soon as the handler
 * is done with it. The first refusal of the handler is kept and thrown once the whole body has been read (and
 * dropped), so the client gets a clean answer instead of a reset connection.
 *
 * <p>A body the framework cannot decode as multipart, or one without any part, is refused with
 * {@value #MALFORMED} (400); bodies and parts above the size limits stay 413.
 */
public final class MultipartForm implements Subscriber<CompletedPart> {

    /** Stable code of a body that is not well-formed multipart/form-data. */
    public static final String MALFORMED = "request.malformed-multipart";
    /**
     * How Micronaut words the failure of Netty's decoder when it has buffered more than
     * {@code micronaut.server.netty.form-max-buffered-bytes} (1 KiB) while looking for a delimiter or for the end
     * of a part's headers: in a multipart body that means there are none, not that the body is too large.
     * It is reported as a {@link ContentLengthExceededException} (413) with nothing else to tell it apart.
     */
    private static final String UNDELIMITED = "Length of buffered form field exceeds";

    /** What an endpoint does with each part; it may copy a file part's bytes, which are released after. */
    public interface Parts {

        /**
         * Takes one part.
         *
         * @throws DomainException to refuse the request (the rest of the body is read and dropped)
         */
        void accept(CompletedPart part) throws IOException;

        /** The refusal of a part that could not be read. */
        DomainException unreadable();
    }

    private final Parts parts;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Subscription subscription;
    private boolean anyPart;
    private DomainException refusal;

    private MultipartForm(Parts parts) {
        this.parts = parts;
    }

    /** Reads every part into {@code parts} (blocking the calling thread, never an event loop). */
    public static void read(Publisher<CompletedPart> body, Parts parts) {
        MultipartForm form = new MultipartForm(parts);
        body.subscribe(form);
        try {
            form.done.join();
        } catch (CompletionException failure) {
            throw decodingFailure(failure.getCause());
        }
        if (form.refusal != null) {
            throw form.refusal;
        }
        if (!form.anyPart) {
            throw malformed("the multipart/form-data body has no part: check the boundary and the delimiters");
        }
    }

    /** A text part's value, read as UTF-8. */
    public static String text(CompletedPart part) throws IOException {
        return new String(part.getBytes(), StandardCharsets.UTF_8);
    }

    /**
     * A file part's media type, {@code application/octet-stream} when it names none. Micronaut gives it without
     * parameters (a charset is lost): documented in api.md.
     */
    public static String mimeOf(CompletedFileUpload upload) {
        return upload.getContentType().map(MediaType::getName).orElse(MediaType.APPLICATION_OCTET_STREAM);
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
                parts.accept(part);
            }
        } catch (DomainException refused) {
            refusal = refused;
        } catch (IOException unreadable) {
            refusal = parts.unreadable();
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

    private static RuleViolationException malformed(String detail) {
        return new RuleViolationException(MALFORMED, detail);
    }
}
