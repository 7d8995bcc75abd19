package dev.researchvault.application.vault

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.Vaults
import dev.researchvault.domain.vault.Vaults.OrphanOutcome
import spock.lang.Specification

import java.security.SecureRandom

/**
 * What every {@link Vaults} must do, on the in-memory fake and on the SQLite engine: which key opens what after
 * each operation, and which leftovers start-up may delete. Crash recovery in the middle of operations is the
 * engine's own spec's (it needs real files to cut short).
 */
abstract class VaultsContractSpec extends Specification {

    static final KdfParameters KDF = new KdfParameters(KdfAlgorithm.ARGON2ID, 1024, 1, 1, new byte[32])

    /** The engine under test, the same one for the whole feature. */
    abstract Vaults engine()

    static MasterKey randomKey() {
        byte[] bytes = new byte[32]
        new SecureRandom().nextBytes(bytes)
        new MasterKey(bytes)
    }

    /** A user whose vault was created and whose registration committed. */
    UserId registered(MasterKey key) {
        def user = UserId.random()
        engine().create(user, key, KDF)
        engine().creationCommitted(user)
        user
    }

    def "a created vault opens with its key and with no other"() {
        given:
        def key = randomKey()
        def user = registered(key)

        expect:
        engine().unlock(user, key, KDF)
        !engine().unlock(user, randomKey(), KDF)
        engine().usersWithFiles().contains(user)
    }

    def "a user cannot be created twice"() {
        given:
        def key = randomKey()
        def user = registered(key)

        when:
        engine().create(user, randomKey(), KDF)

        then:
        def exists = thrown(ConflictException)
        exists.code() == 'vault.exists'
        engine().unlock(user, key, KDF)
    }

    def "the decoy never opens"() {
        expect:
        !engine().unlockDecoy(randomKey())
    }

    def "after a rekey the new key opens the vault and the old one no longer does"() {
        given:
        def old = randomKey()
        def user = registered(old)
        def fresh = randomKey()
        boolean ready = false

        when:
        engine().rekey(user, old, fresh, KDF, { ready = true } as Runnable)

        then:
        ready
        engine().unlock(user, fresh, KDF)
        !engine().unlock(user, old, KDF)
    }

    def "a rekey with a key that does not open the vault is refused and changes nothing"() {
        given:
        def key = randomKey()
        def user = registered(key)
        boolean ready = false

        when:
        engine().rekey(user, randomKey(), randomKey(), KDF, { ready = true } as Runnable)

        then:
        thrown(UnauthenticatedException)
        !ready
        engine().unlock(user, key, KDF)
    }

    def "a rekey whose caller fails before the copies are committed leaves the old key in place"() {
        given:
        def old = randomKey()
        def user = registered(old)
        def fresh = randomKey()

        when:
        engine().rekey(user, old, fresh, KDF, { throw new IllegalStateException('the registry is down') } as Runnable)

        then:
        thrown(IllegalStateException)

        when: 'recovery is told the new parameters were never recorded'
        engine().recoverInterrupted(user, false)

        then:
        engine().unlock(user, old, KDF)
        !engine().unlock(user, fresh, KDF)
    }

    def "recovery with nothing interrupted changes nothing"() {
        given:
        def key = randomKey()
        def user = registered(key)

        when:
        engine().recoverInterrupted(user, true)
        engine().recoverInterrupted(user, false)

        then:
        engine().unlock(user, key, KDF)
    }

    def "destroy removes every file of the user and no one else's; it is idempotent"() {
        given:
        def doomed = registered(randomKey())
        def keptKey = randomKey()
        def kept = registered(keptKey)

        when:
        engine().destroy(doomed)
        engine().destroy(doomed)

        then:
        !engine().usersWithFiles().contains(doomed)
        engine().unlock(kept, keptKey, KDF)
    }

    def "an orphan the server marked as its own half-done work is removed; anything else is quarantined, not deleted"() {
        given:
        def registering = UserId.random()
        engine().create(registering, randomKey(), KDF)
        def deleting = registered(randomKey())
        engine().beginDeletion(deleting)
        def unmarked = registered(randomKey())
        def unmarkedAgain = registered(randomKey())
        engine().beginDeletion(unmarkedAgain)
        engine().clearMarkers(unmarkedAgain)

        expect:
        engine().settleOrphan(registering) == OrphanOutcome.REMOVED_OWN_LEFTOVER
        engine().settleOrphan(deleting) == OrphanOutcome.REMOVED_OWN_LEFTOVER
        engine().settleOrphan(unmarked) == OrphanOutcome.QUARANTINED
        engine().settleOrphan(unmarkedAgain) == OrphanOutcome.QUARANTINED
        engine().usersWithFiles().intersect([registering, deleting, unmarked, unmarkedAgain]).isEmpty()
    }
}
