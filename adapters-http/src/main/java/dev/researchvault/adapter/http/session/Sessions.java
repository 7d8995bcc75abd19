package dev.researchvault.adapter.http.session;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.UnauthenticatedException;
import io.micronaut.http.HttpRequest;

/** Reads the session the {@link BearerTokenFilter} attached to a request. */
public final class Sessions {

    static final String ATTRIBUTE = "researchvault.session";

    private Sessions() {
    }

    /** The caller's session; the filter guarantees one on every protected route. */
    public static Session of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Session.class)
                .orElseThrow(() -> new UnauthenticatedException("session.required", "a valid session token is required"));
    }
}
