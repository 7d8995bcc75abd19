package dev.researchvault.adapter.http.session;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.UnauthenticatedException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a {@link CurrentSession} argument to the session the {@link BearerTokenFilter} attached to the request.
 * The filter refuses a protected route without a live session before any argument is bound; a session missing
 * here means a route the filter does not cover, refused the same way: 401 {@code session.required}.
 */
@Singleton
final class SessionArgumentBinder implements AnnotatedRequestArgumentBinder<CurrentSession, Session> {

    @Override
    public Class<CurrentSession> getAnnotationType() {
        return CurrentSession.class;
    }

    @Override
    public BindingResult<Session> bind(ArgumentConversionContext<Session> context, HttpRequest<?> source) {
        Session session = source.getAttribute(BearerTokenFilter.SESSION_ATTRIBUTE, Session.class)
                .orElseThrow(() -> new UnauthenticatedException("session.required", "a valid session token is required"));
        return () -> Optional.of(session);
    }
}
