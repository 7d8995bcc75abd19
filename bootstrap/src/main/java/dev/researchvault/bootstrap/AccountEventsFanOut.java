package dev.researchvault.bootstrap;

import dev.researchvault.application.account.AccountEvents;
import dev.researchvault.application.account.Session;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.util.List;

/** Tells every listening area about account events, in the order given. */
final class AccountEventsFanOut implements AccountEvents {

    private final List<AccountEvents> listeners;

    private AccountEventsFanOut(List<AccountEvents> listeners) {
        this.listeners = listeners;
    }

    static AccountEvents of(AccountEvents... listeners) {
        return new AccountEventsFanOut(List.of(listeners));
    }

    @Override
    public void loggedIn(Session session) {
        listeners.forEach(listener -> listener.loggedIn(session));
    }

    @Override
    public void passwordChanged(UserId user, MasterKey newKey) {
        listeners.forEach(listener -> listener.passwordChanged(user, newKey));
    }
}
