package dev.researchvault.adapter.http.created;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/**
 * A 201 with its {@code Location}: the URL of what was created, or of the list it joined when it has no URL of
 * its own (a research's queries, say). An absolute path, which RFC 9110 allows and every client resolves.
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code body}, at the path made of {@code segments} ({@code "/api/v1/chats", id}). */
    public static <T> MutableHttpResponse<T> at(T body, Object... segments) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment);
        }
        return HttpResponse.created(body, URI.create(path.toString()));
    }
}
