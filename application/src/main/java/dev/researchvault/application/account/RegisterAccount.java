package dev.researchvault.application.account;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.account.Username;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;
import dev.researchvault.domain.vault.Vaults;
import java.time.Clock;

/**
 * Creates an account: its files first, marked as a registration in progress, then its registry row, then the
 * mark comes off. A crash in between leaves files start-up recognises as its own and removes; nothing else
 * can reach them, since no session exists before the account does.
 */
public record RegisterAccount(AccountRegistry registry, Vaults vaults, VaultKeys keys, Clock clock)
        implements RegisterAccountUseCase {

    @Override
    public Username register(RegisterAccountCommand command) {
        // Both fields are checked before either is refused, so a sign-up form can mark both at once.
        FieldChecks fields = new FieldChecks();
        Username username = fields.check("username", () -> new Username(command.username()));
        try (Password password = fields.check("password", () -> Password.newPassword(command.password()))) {
            fields.requireNone();
            if (registry.findByUsername(username).isPresent()) {
                throw AccountErrors.usernameTaken();
            }
            UserAccount account = UserAccount.registered(UserId.random(), username, clock.instant(),
                    keys.freshParameters());
            MasterKey key = keys.derive(password, account.kdf());
            try {
                vaults.create(account.id(), key, account.kdf());
            } finally {
                key.destroy();
            }
            try {
                registry.add(account);
            } catch (RuntimeException failure) {
                // A concurrent registration took the name, or the registry failed: the new files must go.
                vaults.destroy(account.id());
                throw failure;
            }
            vaults.creationCommitted(account.id());
            return username;
        }
    }
}
