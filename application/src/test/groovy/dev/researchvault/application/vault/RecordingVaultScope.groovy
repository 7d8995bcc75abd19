package dev.researchvault.application.vault

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey

import java.util.function.Supplier

/**
 * An {@link InMemoryVaultScope} that remembers whose vault each call bound and with which key: lets a service's
 * spec check that every use case binds the caller's vault, which a fake that only needs <em>some</em> bound vault
 * cannot tell.
 */
class RecordingVaultScope implements VaultScope {

    /** Every binding, in call order. */
    final List<VaultOwner> bindings = Collections.synchronizedList([])

    private final InMemoryVaultScope scope = new InMemoryVaultScope()

    /** {@link VaultWork} over this scope, with transactions the fakes can ask about ({@link RecordingTransactions}). */
    VaultWork vaultWork() {
        new VaultWork(this, new RecordingTransactions())
    }

    @Override
    <T> T call(UserId user, MasterKey key, Supplier<T> work) {
        bindings << VaultOwner.of(user, key)
        scope.call(user, key, work)
    }

    /** Whether every binding so far was {@code owner}'s vault, opened with {@code owner}'s own key (the same object). */
    boolean onlyBound(VaultOwner owner) {
        bindings.every { it.userId() == owner.userId() && it.key().is(owner.key()) }
    }
}
