package dev.researchvault.adapter.http.chat;

import dev.researchvault.adapter.http.problem.ProblemResponses;
import dev.researchvault.adapter.http.session.BearerTokenFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses a {@code multipart/form-data} request whose {@code boundary} parameter is missing or not one RFC 2046
 * allows (1 to 70 characters of its set, not ending in a space), before the framework's decoder sees it: without
 * a boundary the decoder reads the body as a form and answers 413, with an empty one it fails with a 500.
 * Runs after the session filter, so a request without a session is still a 401. Only on the methods that carry a
 * body: Micronaut checks a filter's methods before its path pattern, so reads skip the pattern match and the call.
 */
@ServerFilter(value = "/api/v1/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
@Order(BearerTokenFilter.ORDER + 1)
public class MultipartBoundaryFilter {

    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=?\\- ]{0,69}[0-9A-Za-z'()+_,./:=?\\-]");

    @RequestFilter
    @Nullable
    public HttpResponse<?> checkBoundary(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !isMultipartFormData(contentType) || hasValidBoundary(contentType)) {
            return null;
        }
        return ProblemResponses.of(HttpStatus.BAD_REQUEST, MultipartMessage.MALFORMED,
                "a multipart/form-data body needs a boundary parameter of 1 to 70 characters (RFC 2046)");
    }

    private static boolean isMultipartFormData(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().equalsIgnoreCase(MediaType.MULTIPART_FORM_DATA);
    }

    private static boolean hasValidBoundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("boundary")) {
                return BOUNDARY.matcher(unquoted(parameter.substring(equals + 1).trim())).matches();
            }
        }
        return false;
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
