package dev.researchvault.application.account

import dev.researchvault.application.support.FakeVaultKeys
import dev.researchvault.application.support.InMemoryAccountRegistry
import dev.researchvault.application.support.InMemoryVaults
import dev.researchvault.domain.account.UserAccount
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import spock.lang.Specification

import java.time.Instant

/**
 * Start-up settles files no account owns: the server's own half-done work (marked) is removed, anything else
 * quarantined, never deleted; an owned vault only loses stale marks.
 */
class OrphanCleanupSpec extends Specification {

    InMemoryAccountRegistry registry = new InMemoryAccountRegistry()
    InMemoryVaults vaults = new InMemoryVaults()
    OrphanCleanup cleanup = new OrphanCleanup(registry, vaults)

    def "marked leftovers are removed, unmarked orphans quarantined, owned vaults keep their files"() {
        given:
        def owned = files(InMemoryVaults.DELETING)
        registry.add(UserAccount.registered(owned, new Username('alice'), Instant.EPOCH,
                new FakeVaultKeys().freshParameters()))
        def registering = files(InMemoryVaults.REGISTERING)
        def deleting = files(InMemoryVaults.DELETING)
        def unknown = files()

        when:
        def settled = cleanup.settleOrphans()

        then:
        settled == 3
        vaults.usersWithFiles() == [owned] as Set
        vaults.quarantined == [unknown] as Set

        and: 'the owned vault, whose deletion a crash rolled back, lost its stale mark'
        vaults.markersCleared == [owned]
        vaults.files(owned).markers.isEmpty()
    }

    def "with no files there is nothing to settle"() {
        expect:
        cleanup.settleOrphans() == 0
    }

    def "a registry that lost its accounts loses no vault: every one is quarantined"() {
        given:
        def vaultsOfLostAccounts = (1..3).collect { files() }

        when:
        def settled = cleanup.settleOrphans()

        then:
        settled == 3
        vaults.usersWithFiles().isEmpty()
        vaults.quarantined == vaultsOfLostAccounts as Set
    }

    private UserId files(String... markers) {
        def user = UserId.random()
        def files = new InMemoryVaults.Files()
        files.markers.addAll(markers)
        vaults.users[user] = files
        user
    }
}
