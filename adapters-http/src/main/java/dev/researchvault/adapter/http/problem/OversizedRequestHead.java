package dev.researchvault.adapter.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Optional;

/**
 * A request line or a header section longer than the server reads
 * ({@code micronaut.server.netty.max-initial-line-length}, {@code max-header-size}). Micronaut answers both
 * with a bare 413, as if the body were too large; the decoder's failure, kept on the Netty request, tells
 * which one it was, so the client hears 414 about its URL or 431 about its headers.
 */
final class OversizedRequestHead {

    private OversizedRequestHead() {
    }

    /** The problem for {@code request}, when a 413 without a cause is really a too-long URL or header section. */
    static Optional<Problem> of(HttpRequest<?> request, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || !(request instanceof NettyHttpRequest<?> netty)) {
            return Optional.empty();
        }
        Throwable failure = netty.getNativeRequest().decoderResult().cause();
        if (failure instanceof TooLongHttpLineException) {
            return Optional.of(problem(HttpStatus.REQUEST_URI_TOO_LONG, "request.uri-too-long",
                    "the URL (path and query string) is longer than this server reads"));
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return Optional.of(problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request.headers-too-large",
                    "the request headers are larger than this server reads"));
        }
        return Optional.empty();
    }

    private static Problem problem(HttpStatus status, String code, String detail) {
        return Problem.of(status.getCode(), status.getReason(), code, detail);
    }
}
