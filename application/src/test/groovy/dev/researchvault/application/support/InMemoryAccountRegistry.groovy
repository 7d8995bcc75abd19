package dev.researchvault.application.support

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.AccountRegistry
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/** {@link AccountRegistry} in a map: the reference the SQLite registry is held to by the contract spec. */
class InMemoryAccountRegistry implements AccountRegistry {

    private final Map<UserId, UserAccount> accounts = new ConcurrentHashMap<>()

    /** Set by specs: every change fails as on a full disk, except a login time, which is dropped. */
    volatile boolean refusingWrites

    /** Holds a thread entering {@code add} or {@code remove} (the point is the method's name). */
    final Gates gates = new Gates()

    @Override
    Optional<UserAccount> findByUsername(Username username) {
        Optional.ofNullable(accounts.values().find { it.username().canonical() == username.canonical() })
    }

    @Override
    void add(UserAccount account) {
        gates.pass('add')
        addNow(account)
    }

    private synchronized void addNow(UserAccount account) {
        refuseWhenFull()
        if (findByUsername(account.username()).isPresent()) {
            throw new ConflictException('account.username-taken', 'this username is already registered')
        }
        accounts[account.id()] = account
    }

    @Override
    void recordLogin(UserId id, Instant at) {
        if (refusingWrites) {
            return
        }
        accounts.computeIfPresent(id) { key, account -> copy(account, at, account.kdf(), account.pendingKdf()) }
    }

    @Override
    void stageKdfChange(UserId id, KdfParameters newKdf) {
        refuseWhenFull()
        accounts.computeIfPresent(id) { key, account -> copy(account, account.lastLoginAt(), account.kdf(), Optional.of(newKdf)) }
    }

    @Override
    void completeKdfChange(UserId id) {
        refuseWhenFull()
        accounts.computeIfPresent(id) { key, account ->
            account.pendingKdf().map { copy(account, account.lastLoginAt(), it, Optional.empty()) }.orElse(account)
        }
    }

    @Override
    boolean remove(UserId id) {
        gates.pass('remove')
        refuseWhenFull()
        accounts.remove(id) != null
    }

    @Override
    boolean exists(UserId id) {
        accounts.containsKey(id)
    }

    private void refuseWhenFull() {
        if (refusingWrites) {
            throw new UnavailableException('registry.unavailable', 'the account registry cannot be reached')
        }
    }

    private static UserAccount copy(UserAccount account, Instant lastLogin, KdfParameters kdf, Optional<KdfParameters> pending) {
        new UserAccount(account.id(), account.username(), account.createdAt(), lastLogin, kdf, pending)
    }
}
