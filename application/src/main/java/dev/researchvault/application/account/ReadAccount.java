package dev.researchvault.application.account;

import dev.researchvault.domain.account.UserAccount;

/** The caller's account from the registry, with their live sessions counted. Reads no vault. */
public record ReadAccount(PasswordProof proof, SessionStore sessions) implements ReadAccountUseCase {

    @Override
    public AccountView account(Session session) {
        UserAccount account = proof.accountOf(session);
        return new AccountView(account.username().value(), account.createdAt(), account.lastLoginAt(),
                sessions.liveSessionsOf(account.id()));
    }
}
