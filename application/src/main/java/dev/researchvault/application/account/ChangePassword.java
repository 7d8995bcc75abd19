package dev.researchvault.application.account;

import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;

/**
 * Re-encrypts a user's files (and backups) under the key of a new password. Both KDF runs — proving the
 * current password, deriving the new key — happen before the account's lock; under it the session must still
 * be current, every session ends, and the key generation moves on, so no key of the old password opens a
 * session afterwards.
 */
public record ChangePassword(AccountState state, VaultKeys keys, PasswordProof proof, AccountEvents events)
        implements ChangePasswordUseCase {

    @Override
    public void changePassword(Session session, ChangePasswordCommand command) {
        // Both fields are checked before either is refused, so a form can mark both at once.
        FieldChecks fields = new FieldChecks();
        try (Password newPassword = fields.check("newPassword", () -> Password.newPassword(command.newPassword()));
             Password currentPassword = fields.check("currentPassword",
                     () -> Password.offered(command.currentPassword()))) {
            fields.requireNone();
            UserAccount account = proof.accountOf(session);
            MasterKey currentKey = proof.prove(session, currentPassword);
            KdfParameters newParameters = keys.freshParameters();
            MasterKey newKey = keys.derive(newPassword, newParameters);
            try {
                state.endSessionsThen(session, () -> {
                    state.vaults().rekey(account.id(), currentKey, newKey, newParameters,
                            () -> state.registry().stageKdfChange(account.id(), newParameters));
                    state.registry().completeKdfChange(account.id());
                    state.lifecycle().keyChanged(account.id());
                    events.passwordChanged(account.id(), newKey);
                });
            } finally {
                currentKey.destroy();
                newKey.destroy();
            }
        }
    }
}
