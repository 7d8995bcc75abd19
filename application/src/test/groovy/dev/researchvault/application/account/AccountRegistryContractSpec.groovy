package dev.researchvault.application.account

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.UnavailableException
import dev.researchvault.domain.account.AccountRegistry
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/** What every {@link AccountRegistry} must do. Concrete specs only say how to build one. */
abstract class AccountRegistryContractSpec extends Specification {

    abstract AccountRegistry newRegistry()

    /** From now on the registry's storage refuses writes, as a full disk does (reads still work). */
    abstract void storageRefusesWrites()

    /** The storage takes writes again (space was freed): the registry must work without being rebuilt. */
    abstract void storageRecovers()

    AccountRegistry registry

    def setup() {
        registry = newRegistry()
    }

    static KdfParameters kdf(int seed) {
        new KdfParameters(KdfAlgorithm.ARGON2ID, 19456, 2, 1, ([seed] * 32) as byte[])
    }

    static UserAccount account(String name, int seed = 1) {
        UserAccount.registered(UserId.random(), new Username(name), Instant.now().truncatedTo(ChronoUnit.MILLIS), kdf(seed))
    }

    def "an added account is found by its name, ignoring case"() {
        given:
        def alice = account('Alice')

        when:
        registry.add(alice)

        then:
        registry.findByUsername(new Username('alice')).get() == alice
        registry.findByUsername(new Username('ALICE')).get().username().value() == 'Alice'
        registry.findByUsername(new Username('bob')).isEmpty()
    }

    def "a name taken in any case is refused and the first account is kept"() {
        given:
        def first = account('carol', 1)
        registry.add(first)

        when:
        registry.add(account('CAROL', 2))

        then:
        def conflict = thrown(ConflictException)
        conflict.code() == 'account.username-taken'
        registry.findByUsername(new Username('carol')).get() == first
    }

    def "a login time is recorded"() {
        given:
        def dave = account('dave')
        registry.add(dave)
        def at = Instant.parse('2026-01-02T03:04:05.678Z')

        when:
        registry.recordLogin(dave.id(), at)

        then:
        registry.findByUsername(new Username('dave')).get().lastLoginAt() == at
    }

    def "a password change is staged next to the current parameters and completed into them"() {
        given:
        def erin = account('erin', 1)
        registry.add(erin)

        when:
        registry.stageKdfChange(erin.id(), kdf(2))

        then:
        with(registry.findByUsername(new Username('erin')).get()) {
            kdf() == kdf(1)
            pendingKdf() == Optional.of(kdf(2))
        }

        when:
        registry.completeKdfChange(erin.id())
        registry.completeKdfChange(erin.id())

        then: 'completing twice is harmless'
        with(registry.findByUsername(new Username('erin')).get()) {
            kdf() == kdf(2)
            pendingKdf().isEmpty()
        }
    }

    def "an account exists by id until it is removed"() {
        given:
        def gwen = account('gwen')

        expect:
        !registry.exists(gwen.id())

        when:
        registry.add(gwen)

        then:
        registry.exists(gwen.id())
        !registry.exists(UserId.random())

        when:
        registry.remove(gwen.id())

        then:
        !registry.exists(gwen.id())
    }

    def "a removed account is gone and its name free again"() {
        given:
        def frank = account('frank')
        registry.add(frank)

        expect:
        registry.remove(frank.id())
        !registry.remove(frank.id())
        registry.findByUsername(new Username('frank')).isEmpty()

        when:
        registry.add(account('frank', 3))

        then:
        noExceptionThrown()
    }

    def "a login time that cannot be stored is dropped without failing: a full disk must not stop logins"() {
        given:
        def hana = account('hana')
        registry.add(hana)
        def first = Instant.parse('2026-01-02T03:04:05.678Z')
        registry.recordLogin(hana.id(), first)
        storageRefusesWrites()

        when:
        registry.recordLogin(hana.id(), first.plusSeconds(60))

        then:
        noExceptionThrown()
        registry.findByUsername(new Username('hana')).get().lastLoginAt() == first

        when:
        storageRecovers()
        registry.recordLogin(hana.id(), first.plusSeconds(120))

        then:
        registry.findByUsername(new Username('hana')).get().lastLoginAt() == first.plusSeconds(120)
    }

    def "account changes the storage refuses fail with registry.unavailable, and work again once it recovers"() {
        given:
        def ivan = account('ivan', 1)
        registry.add(ivan)
        storageRefusesWrites()

        when:
        registry.add(account('judy'))

        then:
        def refused = thrown(UnavailableException)
        refused.code() == 'registry.unavailable'

        when:
        registry.stageKdfChange(ivan.id(), kdf(2))

        then:
        thrown(UnavailableException)
        registry.findByUsername(new Username('ivan')).get().pendingKdf().isEmpty()

        when:
        storageRecovers()
        registry.add(account('judy'))
        registry.stageKdfChange(ivan.id(), kdf(2))
        registry.completeKdfChange(ivan.id())

        then:
        registry.findByUsername(new Username('judy')).isPresent()
        registry.findByUsername(new Username('ivan')).get().kdf() == kdf(2)
        registry.remove(ivan.id())
    }
}
