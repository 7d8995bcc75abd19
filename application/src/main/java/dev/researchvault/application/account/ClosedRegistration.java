package dev.researchvault.application.account;

import dev.researchvault.domain.ForbiddenException;
import dev.researchvault.domain.account.Username;

/**
 * Registration on a server whose operator closed it ({@code VAULT_REGISTRATION=closed}): every attempt is refused
 * before any work, so anonymous callers cannot create vaults (and spend KDF time and disk) at all.
 */
public record ClosedRegistration() implements RegisterAccountUseCase {

    @Override
    public Username register(RegisterAccountCommand command) {
        throw new ForbiddenException("account.registration-closed",
                "registration is closed on this server; ask its operator for an account");
    }
}
