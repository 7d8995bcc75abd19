package dev.researchvault.domain;

/** The input breaks a rule of the domain: bad format, out of range, too short. */
public final class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
