package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.PersistenceFixture
import dev.researchvault.application.vault.Transactions
import dev.researchvault.domain.vault.VaultMetadata
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** Micronaut Data repositories over the routing data source read and write only the bound user's vault. */
class VaultRoutingSpec extends Specification {

    @Shared
    @AutoCleanup
    PersistenceFixture fixture = PersistenceFixture.start()

    def "a repository writes into the bound vault and nobody else's"() {
        given:
        def alice = fixture.newVault()
        def bob = fixture.newVault()
        def metadata = fixture.bean(VaultMetadata)

        when:
        fixture.inVault(alice) { metadata.put('note', 'alice only') }

        then:
        fixture.inVault(alice) { metadata.get('note') } == Optional.of('alice only')
        fixture.inVault(bob) { metadata.get('note') } == Optional.empty()
    }

    def "every new vault records its format and creation time"() {
        given:
        def carol = fixture.newVault()
        def metadata = fixture.bean(VaultMetadata)

        expect:
        fixture.inVault(carol) { metadata.get(VaultMetadata.FORMAT) } == Optional.of('research-vault/1')
        fixture.inVault(carol) { metadata.get(VaultMetadata.CREATED_AT) }.isPresent()
    }

    def "without a bound vault a repository refuses to run rather than guess"() {
        when:
        fixture.bean(VaultMetadata).get('anything')

        then:
        thrown(Exception)
    }

    def "a failed transaction leaves nothing behind"() {
        given:
        def dave = fixture.newVault()
        def metadata = fixture.bean(VaultMetadata)
        def transactions = fixture.bean(Transactions)

        when:
        fixture.inVault(dave) {
            transactions.inTransaction {
                metadata.put('half', 'written')
                throw new IllegalStateException('boom')
            }
        }

        then:
        thrown(IllegalStateException)
        fixture.inVault(dave) { metadata.get('half') } == Optional.empty()
    }

    def "many users working at once never see each other's rows"() {
        given:
        def users = (1..6).collect { fixture.newVault() }
        def metadata = fixture.bean(VaultMetadata)
        def pool = Executors.newFixedThreadPool(6)

        when: 'each user writes and reads back their own value 20 times, all in parallel'
        def results = pool.invokeAll(users.withIndex().collect { user, i ->
            { ->
                (1..20).every { round ->
                    fixture.inVault(user) {
                        metadata.put('owner', "user-${i}-${round}".toString())
                        metadata.get('owner').get() == "user-${i}-${round}"
                    }
                }
            } as Callable<Boolean>
        })*.get()

        then:
        results.every()

        cleanup:
        pool.shutdown()
    }
}
