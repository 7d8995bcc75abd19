package dev.researchvault.adapter.persistence.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.settings.SettingsStore;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A per-user Caffeine cache of overrides in front of another {@link SettingsStore}. Every write of a user
 * drops that user's entry, so a read after a write always sees it.
 *
 * <p>Why the order "write, then drop" is enough: a load that began before the write may return the old
 * overrides, but Caffeine loads under the entry's lock, so the drop that follows the write waits for that
 * load and removes what it cached; any load that begins after the write reads the written row. This holds
 * because each write commits on its own (the settings service calls the store outside any transaction).
 */
public final class CachingSettingsStore implements SettingsStore {

    private final SettingsStore delegate;
    private final Supplier<UserId> boundOwner;
    private final Cache<UserId, Map<String, String>> cache;

    /**
     * @param boundOwner        whose vault is bound to the call (throws when none is): the cache key
     * @param maxUsers          how many users' overrides are kept at most (least recently used go first)
     * @param expireAfterAccess how long an unused user's overrides stay cached
     */
    public CachingSettingsStore(SettingsStore delegate, Supplier<UserId> boundOwner, long maxUsers, Duration expireAfterAccess) {
        this.delegate = delegate;
        this.boundOwner = boundOwner;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxUsers)
                .expireAfterAccess(expireAfterAccess)
                .build();
    }

    @Override
    public Map<String, String> overrides() {
        UserId owner = boundOwner.get();
        Map<String, String> cached = cache.getIfPresent(owner);
        if (cached != null) {
            return cached;
        }
        if (CurrentVault.boundWithoutWaiting()) {
            // Loading takes the entry's lock (and its map bin's), which another thread may hold for as long as its
            // own load waits for a connection: an event loop must not wait behind it. The blocking path loads.
            throw CurrentVault.waitDeclined("a settings cache load");
        }
        return cache.get(owner, user -> Map.copyOf(delegate.overrides()));
    }

    @Override
    public void put(String key, String storedValue) {
        written(() -> {
            delegate.put(key, storedValue);
            return null;
        });
    }

    @Override
    public void putAll(Map<String, String> storedValues) {
        written(() -> {
            delegate.putAll(storedValues);
            return null;
        });
    }

    @Override
    public boolean remove(String key) {
        return written(() -> delegate.remove(key));
    }

    /** Runs one write of the bound user's, then drops their cached overrides, whether or not it succeeded. */
    private <T> T written(Supplier<T> write) {
        UserId user = boundOwner.get();
        try {
            return write.get();
        } finally {
            forget(user);
        }
    }

    /**
     * Drops the user's cached overrides: after every write here, and for callers that change a vault
     * behind the store's back (a restore from backup). Idempotent.
     */
    public void forget(UserId user) {
        // compute (not invalidate) because ConcurrentMap guarantees it waits for a load in flight for this
        // user; Cache.invalidate leaves that case undefined.
        cache.asMap().compute(user, (owner, stale) -> null);
    }
}
