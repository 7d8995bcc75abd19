package dev.researchvault.application.support

import dev.researchvault.application.account.Session
import dev.researchvault.application.account.SessionStore
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey

import java.time.Clock
import java.time.Duration

/**
 * {@link SessionStore} in a map, without expiry, keeping the port's key rules as the Caffeine store does:
 * a user's sessions share one key per key generation, a newer generation's key replaces an older one (ending
 * its sessions), an older one is refused, and the key is wiped when its last session ends.
 */
class InMemorySessionStore implements SessionStore {

    final Clock clock
    private final Map<String, Session> byToken = [:]
    private final Map<UserId, Shared> keys = [:]
    private int tokens

    InMemorySessionStore(Clock clock) {
        this.clock = clock
    }

    @Override
    synchronized Session open(UserAccount account, MasterKey key, long generation) {
        def shared = keys[account.id()]
        if (shared != null && shared.generation > generation) {
            key.destroy()
            throw new UnauthenticatedException('session.invalid', 'the session is no longer valid; log in again')
        }
        if (shared != null && shared.generation == generation && shared.key.sameAs(key)) {
            key.destroy()
        } else {
            if (shared != null) {
                end(byToken.values().findAll { it.key().is(shared.key) })
            }
            shared = keys[account.id()] = new Shared(key: key, generation: generation)
        }
        def now = clock.instant()
        def session = new Session("token-${++tokens}", account.id(), account.username(), shared.key, generation,
                now, now.plus(Duration.ofHours(12)))
        byToken[session.token()] = session
        session
    }

    @Override
    synchronized Optional<Session> find(String token) {
        Optional.ofNullable(byToken[token])
    }

    @Override
    synchronized boolean isLive(String token) {
        byToken.containsKey(token)
    }

    @Override
    synchronized void close(String token) {
        end(byToken.values().findAll { it.token() == token })
    }

    @Override
    synchronized void closeAll(UserId user) {
        end(byToken.values().findAll { it.userId() == user })
    }

    @Override
    synchronized int liveSessionsOf(UserId user) {
        of(user).size()
    }

    synchronized List<Session> of(UserId user) {
        byToken.values().findAll { it.userId() == user }
    }

    synchronized List<Session> live() {
        byToken.values().toList()
    }

    private void end(Collection<Session> ending) {
        ending.toList().each { session ->
            byToken.remove(session.token())
            if (!byToken.values().any { it.key().is(session.key()) }) {
                session.key().destroy()
                if (keys[session.userId()]?.key?.is(session.key())) {
                    keys.remove(session.userId())
                }
            }
        }
    }

    private static class Shared {
        MasterKey key
        long generation
    }
}
