package dev.researchvault.domain;

/** The storage cannot serve this request right now (disk full, read-only, damaged vault). */
public final class UnavailableException extends DomainException {

    public UnavailableException(String code, String message) {
        super(code, message);
    }
}
