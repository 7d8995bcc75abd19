package dev.researchvault.domain.vault;

/**
 * A {@link VaultBound} port was called with no vault bound to the call: a programming error of the caller
 * (it forgot to run the work through {@code VaultWork}), never a user's mistake, so it is not a
 * {@link dev.researchvault.domain.DomainException} and answers a plain 500 if it ever escapes.
 */
public final class NoVaultBoundException extends IllegalStateException {

    public NoVaultBoundException() {
        super("no vault is bound to this call");
    }
}
