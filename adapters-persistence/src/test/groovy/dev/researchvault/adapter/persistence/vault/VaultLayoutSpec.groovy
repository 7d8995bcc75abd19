package dev.researchvault.adapter.persistence.vault

import dev.researchvault.domain.account.UserId
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** Directories and files the server creates are private; directories it finds are left as their operator set them. */
class VaultLayoutSpec extends Specification {

    @TempDir
    Path temp

    def "every directory the server creates is private, the ones on the way too"() {
        given:
        def layout = new VaultLayout(temp.resolve('data'))
        def user = UserId.random()

        when: 'a first backup creates data/backups/<user> where nothing existed'
        VaultLayout.createPrivateDirectories(layout.backupDir(user))

        then: 'backups/ itself no longer lists user ids to everyone (it was 0755)'
        modeOf(layout.dataDir()) == 'rwx------'
        modeOf(layout.dataDir().resolve('backups')) == 'rwx------'
        modeOf(layout.backupDir(user)) == 'rwx------'

        when:
        VaultLayout.createPrivateFile(layout.file(user, VaultFile.VAULT))

        then:
        modeOf(layout.usersDir()) == 'rwx------'
        modeOf(layout.userDir(user)) == 'rwx------'
        modeOf(layout.file(user, VaultFile.VAULT)) == 'rw-------'
    }

    def "an existing directory keeps the mode its operator gave it: a read-only data directory stays read-only"() {
        given:
        def layout = new VaultLayout(temp.resolve('data'))
        Files.createDirectories(layout.usersDir())
        Files.setPosixFilePermissions(layout.dataDir(), PosixFilePermissions.fromString('r-x------'))
        Files.setPosixFilePermissions(layout.usersDir(), PosixFilePermissions.fromString('rwxr-x---'))

        when: 'what the health probe, registration and the registry ask for'
        VaultLayout.createPrivateDirectories(layout.dataDir())
        VaultLayout.createPrivateDirectories(layout.usersDir())
        VaultLayout.createPrivateFile(layout.registry())

        then:
        modeOf(layout.dataDir()) == 'r-x------'
        modeOf(layout.usersDir()) == 'rwxr-x---'

        cleanup:
        Files.setPosixFilePermissions(layout.dataDir(), PosixFilePermissions.fromString('rwx------'))
    }

    private static String modeOf(Path path) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
    }
}
