package dev.researchvault.application.account;

/** Re-encrypts the user's vault under a key from a new password and ends every session of the user. */
public interface ChangePasswordUseCase {

    /**
     * @throws dev.researchvault.domain.RuleViolationException  the new password breaks the length rule
     * @throws dev.researchvault.domain.UnauthenticatedException the current password is wrong
     */
    void changePassword(Session session, ChangePasswordCommand command);

    record ChangePasswordCommand(String currentPassword, String newPassword) {
    }
}
