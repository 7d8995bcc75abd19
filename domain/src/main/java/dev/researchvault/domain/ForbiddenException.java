package dev.researchvault.domain;

/**
 * The caller is who they say they are, but this step is refused: a wrong confirmation password, registration
 * closed. Unlike {@link UnauthenticatedException} it says nothing about the session, so a client that logs out on
 * a 401 keeps a live session through it.
 */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
