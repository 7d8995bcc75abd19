package dev.researchvault.application.support

import dev.researchvault.application.vault.VaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey

import java.util.function.Supplier

/** A {@link VaultScope} that binds only the user (for in-memory ports that keep one map per user). */
class BoundVaultScope implements VaultScope {

    private final ThreadLocal<UserId> bound = new ThreadLocal<>()

    @Override
    <T> T call(UserId user, MasterKey key, Supplier<T> work) {
        key.copyBytes() // a wiped key opens nothing, as in the vault engine
        def outer = bound.get()
        bound.set(user)
        try {
            work.get()
        } finally {
            bound.set(outer)
        }
    }

    /** The user whose vault the current unit of work is bound to. */
    UserId current() {
        def user = bound.get()
        assert user != null: 'a vault-bound port used outside VaultScope.call'
        user
    }
}
