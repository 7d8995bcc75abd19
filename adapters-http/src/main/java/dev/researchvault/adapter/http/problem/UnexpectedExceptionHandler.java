package dev.researchvault.adapter.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unforeseen: 500 with an error id and nothing else — except storage failures (a corrupt page, a
 * full or read-only disk, found anywhere in the cause chain), which are 503 {@code vault.unavailable}: the
 * request was fine, the user's files are not. A busy file (SQLITE_BUSY, SQLITE_LOCKED: another write held it
 * past the busy timeout) is nothing the integrity check could find: it is 503 {@code vault.busy} with
 * {@code Retry-After}, like the writer turn that did not come in time. A full disk (SQLITE_FULL) is 507
 * {@code storage.full}: reads go on, writes resume when space is freed. The log line names the exception type and
 * where in our code it surfaced, but not its message or stack trace: driver messages can quote SQL, and
 * messages of any layer can quote user content.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    /**
     * SQLite primary result codes that mean the storage, not the code, failed: busy, read-only, I/O error,
     * corrupt, full, cannot open, not a database. Extended codes carry the primary one in their low byte.
     */
    private static final Set<Integer> STORAGE_FAILURES = Set.of(5, 6, 8, 10, 11, 13, 14, 26);

    /** SQLITE_FULL: the write found no room; the file is fine. */
    private static final int SQLITE_FULL = 13;

    /** SQLITE_BUSY and SQLITE_LOCKED: the file was fine, only taken. */
    private static final Set<Integer> BUSY = Set.of(5, 6);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        OptionalInt storageFailure = storageFailureCode(exception);
        if (storageFailure.isPresent()) {
            LOG.warn("event=request.storage-failed method={} sqliteCode={} at={}", request.getMethodName(),
                    storageFailure.getAsInt(), firstFrameOfOurs(exception));
            if (BUSY.contains(storageFailure.getAsInt())) {
                return ProblemResponses.busy();
            }
            if (storageFailure.getAsInt() == SQLITE_FULL) {
                // Nothing is wrong with the vault and reads go on: only this write found no room.
                return ProblemResponses.of(HttpStatus.INSUFFICIENT_STORAGE, "storage.full",
                        "the server's disk is full: reading works, writing resumes once space is freed");
            }
            return ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "vault.unavailable",
                    "the vault cannot be read or written right now; check GET /api/v1/vault/integrity");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("event=request.failed errorId={} method={} type={} at={}", errorId, request.getMethodName(),
                exception.getClass().getName(), firstFrameOfOurs(exception));
        return ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
                "an unexpected error occurred (error id " + errorId + ")");
    }

    /** The SQLite code of a storage failure somewhere in the cause chain, if that is what this is. */
    private static OptionalInt storageFailureCode(Throwable exception) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && STORAGE_FAILURES.contains(sql.getErrorCode() & 0xFF)) {
                return OptionalInt.of(sql.getErrorCode() & 0xFF);
            }
        }
        return OptionalInt.empty();
    }

    private static String firstFrameOfOurs(Throwable exception) {
        return Arrays.stream(exception.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dev.researchvault."))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .orElse("outside our code");
    }
}
