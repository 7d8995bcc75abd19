package dev.researchvault.application.maintenance

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.application.account.Session
import dev.researchvault.application.blob.BlobReconciliation
import dev.researchvault.application.blob.InMemoryBlobStore
import dev.researchvault.application.blob.PendingBlobOwners
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.maintenance.MaintainVaultUseCase.VacuumReport
import dev.researchvault.application.support.InMemoryBackups
import dev.researchvault.application.support.TestSessions
import dev.researchvault.application.vault.InMemoryVaultMaintenance
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.application.vault.RecordingVaultScope
import dev.researchvault.application.vault.VaultOwner
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.backup.BackupKind
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobOwners
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.VaultMaintenance
import dev.researchvault.domain.vault.VaultMaintenance.FileStats
import dev.researchvault.domain.vault.VaultMaintenance.IntegrityReport
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Integrity, statistics and compaction of the caller's vault; compaction after the unreferenced blobs are gone. */
class VaultMaintenanceServiceSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-04-01T12:00:00Z')

    MutableClock clock = new MutableClock(T0)
    Map<UserId, InMemoryBlobStore> blobsOf = [:].withDefault { new InMemoryBlobStore() }
    Map<UserId, InMemoryVaultMaintenance> maintenanceOf = [:].withDefault { new InMemoryVaultMaintenance() }
    RecordingVaultScope scope = new RecordingVaultScope()
    /** One port of each for everyone, as in production; the bound vault decides whose files they touch. */
    BlobStore blobs = VaultPerUser.of(BlobStore) { blobsOf[InMemoryVaultScope.owner()] }
    ChatRepository messages = VaultPerUser.of(ChatRepository) { new InMemoryChatRepository() }
    /** The files of the bound vault, except for an integrity check: it names its user and needs no bound vault. */
    VaultMaintenance maintenance = new VaultMaintenance() {
        @Override
        IntegrityReport checkIntegrity(UserId user, MasterKey key) {
            maintenanceOf[user].checkIntegrity(user, key)
        }

        @Override
        Map<String, FileStats> stats() {
            maintenanceOf[InMemoryVaultScope.owner()].stats()
        }

        @Override
        long vacuum() {
            maintenanceOf[InMemoryVaultScope.owner()].vacuum()
        }
    }
    InMemoryBackups backups = new InMemoryBackups(clock)
    BlobReconciliation reconciliation = new BlobReconciliation(blobs,
            [{ Collection<UUID> ids -> messages.existingMessages(ids) } as BlobOwners], new PendingBlobOwners())
    VaultMaintenanceService service = new VaultMaintenanceService(maintenance, scope.vaultWork(), backups, reconciliation)
    Session alice = TestSessions.of('alice')
    Session bob = TestSessions.of('bob')

    /** A message of {@code owner}'s with one file and its thumbnail in the blob store. */
    UUID liveMessage(Session owner = alice) {
        UUID id = leftover(owner)
        InMemoryVaultScope.bind(owner.userId()) {
            messages.addMessage(new Message(id, UUID.randomUUID(), MessageRole.USER, 'hi', [], T0))
        }
        id
    }

    /** A file and its thumbnail no message owns: what a crash after a chat deletion's commit leaves behind. */
    UUID leftover(Session owner = alice) {
        UUID id = UUID.randomUUID()
        InMemoryVaultScope.bind(owner.userId()) {
            blobs.save(BlobKey.file(id, 0), 'text/plain', 'file'.bytes)
            blobs.save(BlobKey.thumbnail(id, 0), 'image/png', 'thumb'.bytes)
        }
        id
    }

    List<String> keysOf(UUID owner, Session of = alice) {
        blobsOf[of.userId()].keys().findAll { it.startsWith(BlobKey.prefixOf(owner)) }
    }

    def "the integrity check is the one of the caller's files, opened with the caller's key, as the port found it"() {
        given:
        maintenanceOf[alice.userId()].integrity = report

        when:
        def answered = service.checkIntegrity(alice)

        then:
        answered == report
        maintenanceOf[alice.userId()].integrityChecks.size() == 1
        with(maintenanceOf[alice.userId()].integrityChecks[0]) {
            userId() == alice.userId()
            key().is(alice.key())
        }

        where:
        report << [new IntegrityReport(true, true, []),
                   new IntegrityReport(false, true, ['vault.db: row 3 missing from index'])]
    }

    def "statistics are the figures of the caller's files, without a backup time before the first backup"() {
        given:
        def figures = ['vault.db': new FileStats(1 << 20, 4096, 256, 3, [research: 7L]),
                       'blobs.db': new FileStats(1 << 21, 0, 512, 0, [blobs: 2L])]
        maintenanceOf[alice.userId()].files = figures

        when:
        def statistics = service.statistics(alice)

        then:
        statistics.files() == figures
        statistics.lastBackupAt().isEmpty()
    }

    def "statistics name the time of the caller's newest backup, not another user's"() {
        given:
        backups.create(alice.userId(), alice.key(), BackupKind.AUTOMATIC)
        clock.advance(Duration.ofHours(2))
        backups.create(alice.userId(), alice.key(), BackupKind.MANUAL)
        clock.advance(Duration.ofHours(1))
        backups.create(bob.userId(), bob.key(), BackupKind.MANUAL)

        expect:
        service.statistics(alice).lastBackupAt() == Optional.of(T0.plus(Duration.ofHours(2)))
        service.statistics(bob).lastBackupAt() == Optional.of(T0.plus(Duration.ofHours(3)))
    }

    def 'vacuum deletes the blobs no message owns before it compacts, and reports both numbers'() {
        given:
        UUID kept = liveMessage()
        UUID goneA = leftover()
        UUID goneB = leftover()
        def vault = maintenanceOf[alice.userId()]
        vault.reclaimable = 12_288
        List<String> keysWhenCompacting = null
        vault.onVacuum = { keysWhenCompacting = blobsOf[alice.userId()].keys() }

        when:
        def report = service.vacuum(alice)

        then: 'the compaction saw the leftovers gone, so their space was given back too'
        keysWhenCompacting == keysOf(kept)
        report == new VacuumReport(12_288, 4)
        keysOf(goneA).isEmpty()
        keysOf(goneB).isEmpty()
        keysOf(kept).size() == 2
        vault.vacuums == 1
    }

    def 'vacuum with nothing unreferenced still compacts, and a second one finds nothing to do'() {
        given:
        UUID kept = liveMessage()
        maintenanceOf[alice.userId()].reclaimable = 4096

        expect:
        service.vacuum(alice) == new VacuumReport(4096, 0)
        service.vacuum(alice) == new VacuumReport(0, 0)
        keysOf(kept).size() == 2
        maintenanceOf[alice.userId()].vacuums == 2
    }

    def "vacuum touches the caller's vault only"() {
        given:
        UUID hers = leftover(alice)
        UUID his = leftover(bob)

        when:
        def report = service.vacuum(bob)

        then:
        report.blobsRemoved() == 2
        keysOf(his, bob).isEmpty()
        keysOf(hers, alice).size() == 2
        maintenanceOf[alice.userId()].vacuums == 0
        maintenanceOf[bob.userId()].vacuums == 1
    }

    def "statistics and vacuum run in the caller's vault, opened with the caller's key"() {
        when:
        service.statistics(alice)
        service.vacuum(alice)
        service.checkIntegrity(alice)

        then: 'the integrity check binds nothing: it opens its own connections from the user and key'
        scope.bindings.size() == 2
        scope.onlyBound(alice)
        maintenanceOf[alice.userId()].integrityChecks == [VaultOwner.of(alice.userId(), alice.key())]
    }
}
