package dev.researchvault.adapter.persistence.backup

import dev.researchvault.adapter.persistence.support.EncryptedFiles
import dev.researchvault.adapter.persistence.vault.FlywaySchemaMigrator
import dev.researchvault.adapter.persistence.vault.SchemaMigrator
import dev.researchvault.adapter.persistence.vault.files.SqlCipher
import dev.researchvault.adapter.persistence.vault.SqliteVaults
import dev.researchvault.adapter.persistence.vault.VaultConfiguration
import dev.researchvault.adapter.persistence.vault.VaultFile
import dev.researchvault.adapter.persistence.vault.VaultLayout
import dev.researchvault.domain.account.UserId
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.sql.Connection
import java.time.Clock

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.randomKey

/** An existing vault with pending migrations is backed up, under its keys, before it is migrated. */
class MigrationBackupSpec extends Specification {

    @TempDir
    Path dataDir

    def "opening a vault whose schema is behind takes a backup first; an up-to-date one does not"() {
        given: 'a vault created with the full schema, then opened by a release that has one more migration'
        def configuration = new VaultConfiguration(dataDir: dataDir.toString())
        def layout = new VaultLayout(dataDir)
        def settings = new SqlCipher.ConnectionSettings(5000, 1024)
        boolean newRelease = false
        def migrator = new SchemaMigrator() {
            void migrate(VaultFile file, Connection connection) { new FlywaySchemaMigrator().migrate(file, connection) }

            boolean hasPending(VaultFile file, Connection connection) { newRelease && file == VaultFile.VAULT }
        }
        def vaults = new SqliteVaults(configuration, layout, migrator, new BackupBeforeMigration(layout, settings, Clock.systemUTC()))
        def backups = new SqliteBackups(layout, settings, Clock.systemUTC(), vaults.openVaults(), vaults)
        def user = UserId.random()
        def key = randomKey()
        vaults.create(user, key, EncryptedFiles.TEST_KDF)

        when: 'opened by the same release'
        vaults.unlock(user, key, EncryptedFiles.TEST_KDF)
        vaults.close(user)

        then:
        backups.list(user).isEmpty()

        when: 'opened by the new release'
        newRelease = true
        vaults.unlock(user, key, EncryptedFiles.TEST_KDF)

        then:
        backups.list(user).size() == 1
    }

    def "Flyway reports pending migrations on an empty database and none once migrated"() {
        given:
        def file = dataDir.resolve('fresh.db')
        def connection = SqlCipher.open(file, new byte[32], VaultFile.VAULT, new SqlCipher.ConnectionSettings(5000, 1024))
        def flyway = new FlywaySchemaMigrator()

        expect:
        flyway.hasPending(VaultFile.VAULT, connection)

        when:
        flyway.migrate(VaultFile.VAULT, connection)

        then:
        !flyway.hasPending(VaultFile.VAULT, connection)

        cleanup:
        connection?.close()
    }
}
