package dev.researchvault.application.vault

import dev.researchvault.domain.account.UserId

/**
 * What a fake that holds one vault's rows checks at every call: a vault is bound (else
 * {@link dev.researchvault.domain.vault.NoVaultBoundException}, as the SQLite adapter throws), and it is the vault
 * of the user who first used the fake, so that a spec cannot mix two users' rows in one fake without noticing.
 */
class OneVault {

    private UserId holder

    synchronized void enter() {
        UserId owner = InMemoryVaultScope.owner()
        if (holder == null) {
            holder = owner
        } else if (holder != owner) {
            throw new AssertionError('this fake holds one vault; give each user a fake of their own')
        }
    }
}
