package dev.researchvault.domain;

/** Something asked for does not exist (or belongs to someone else, which looks the same). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
