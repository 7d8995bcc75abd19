package dev.researchvault.adapter.persistence.vault

import dev.researchvault.application.health.StorageHealth.Storage
import dev.researchvault.application.support.SmallDisk
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** The health probe tells a full disk from a read-only directory, undoes nothing and leaves nothing behind. */
class VaultEngineProbeSpec extends Specification {

    @TempDir
    Path temp

    VaultEngineProbe probeOf(Path dataDir) {
        new VaultEngineProbe(new VaultLayout(dataDir), new VaultConfiguration())
    }

    def "a usable data directory is writable and encrypts, and the probe leaves nothing behind"() {
        given:
        Path dataDir = temp.resolve('data')

        when:
        def report = probeOf(dataDir).check()

        then:
        report.storage() == Storage.WRITABLE
        report.healthy()
        report.dataDirectoryWritable()
        report.encryptionWorks()
        Files.list(dataDir).withCloseable { it.toList() } == []
    }

    def "a directory its operator made read-only is reported not writable, and stays read-only"() {
        given:
        Path dataDir = Files.createDirectories(temp.resolve('data'))
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('r-x------'))

        when:
        def report = probeOf(dataDir).check()

        then:
        report.storage() == Storage.READ_ONLY
        !report.dataDirectoryWritable()
        !report.healthy()
        report.degraded()
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)) == 'r-x------'

        cleanup:
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString('rwx------'))
    }

    @Requires({ SmallDisk.AVAILABLE })
    def "a full disk is not writable, and no failed probe leaves a file behind"() {
        given:
        def disk = SmallDisk.mount(temp.resolve('data'), 1)
        disk.fill()

        when:
        def reports = (1..3).collect { probeOf(disk.dir).check() }

        then:
        reports.every { it.storage() == Storage.FULL && !it.dataDirectoryWritable() && it.degraded() }
        Files.list(disk.dir).withCloseable { it.toList() }*.fileName*.toString() == ['filler']

        cleanup:
        disk?.unmount()
    }

    @Requires({ SmallDisk.AVAILABLE })
    def "an immutable directory (no new file, even for root) is not writable, and the probe leaves nothing behind"() {
        given:
        Path dataDir = Files.createDirectories(temp.resolve('data'))
        SmallDisk.immutable(dataDir, true)

        when:
        def report = probeOf(dataDir).check()

        then:
        report.storage() == Storage.READ_ONLY
        Files.list(dataDir).withCloseable { it.toList() } == []

        cleanup:
        SmallDisk.immutable(dataDir, false)
    }

    def "a data directory that cannot be created is missing, and nothing is created"() {
        given:
        Path occupied = Files.writeString(temp.resolve('occupied'), 'a file, not a directory')

        when:
        def report = probeOf(occupied.resolve('data')).check()

        then:
        report.storage() == Storage.MISSING
        !report.healthy()
        !report.degraded()
    }
}
