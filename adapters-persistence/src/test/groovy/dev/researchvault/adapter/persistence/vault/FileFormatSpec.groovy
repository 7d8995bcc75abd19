package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.vault.files.FileKeys
import dev.researchvault.adapter.persistence.support.EncryptedFiles
import dev.researchvault.adapter.persistence.crypto.BouncyCastleVaultKeys
import dev.researchvault.adapter.persistence.crypto.KdfConfiguration
import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.Password
import dev.researchvault.domain.account.UserId
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.sql.DriverManager

import static dev.researchvault.adapter.persistence.support.EncryptedFiles.openRaw

/**
 * The worked example of docs/file-format.md, with the PRODUCTION KDF parameters. The expected values were
 * computed with independent tools (the reference argon2 CLI and a ten-line Python HKDF), so this spec
 * proves that someone with only their password and the document can derive the keys.
 */
class FileFormatSpec extends Specification {

    static final String PASSWORD = 'correct horse battery staple'
    static final String SALT = 'research-vault-worked-example-01'
    static final String MASTER_KEY = '937d50347e04ecaa3780d80b6092291133a61deff6587ed70850f744d6c5b2a7'
    static final String VAULT_KEY = '0e9f157efe1b33bd461292252e249a8efc76cb26dd3fac176af7263165600ca4'
    static final String BLOBS_KEY = '75902259ad358c074a3dddb0851661893997a4d8ed52bb24dec0320954b85ea4'

    @TempDir
    Path dataDir

    def keys = new BouncyCastleVaultKeys(new KdfConfiguration())
    def parameters = new KdfParameters(KdfAlgorithm.ARGON2ID, 19456, 2, 1, SALT.getBytes('US-ASCII'))

    def "the production defaults are Argon2id at OWASP's minimum: 19 MiB, 2 passes, 1 lane"() {
        expect:
        with(keys.freshParameters()) {
            algorithm() == KdfAlgorithm.ARGON2ID
            memoryKib() == 19456
            iterations() == 2
            parallelism() == 1
        }
    }

    def "password and salt give the documented master key, and HKDF the documented file keys"() {
        when:
        def master = Password.offered(PASSWORD).withCloseable { keys.derive(it, parameters) }

        then:
        master.copyBytes().encodeHex().toString() == MASTER_KEY
        FileKeys.derive(master, VaultFile.VAULT).encodeHex().toString() == VAULT_KEY
        FileKeys.derive(master, VaultFile.BLOBS).encodeHex().toString() == BLOBS_KEY
    }

    def "a vault made from that master key opens with the documented settings, given as a URI as in the docs"() {
        given:
        def master = Password.offered(PASSWORD).withCloseable { keys.derive(it, parameters) }
        def engine = new SqliteVaults(new VaultConfiguration(dataDir: dataDir.toString()), new FlywaySchemaMigrator())
        def user = UserId.random()
        engine.create(user, master, EncryptedFiles.TEST_KDF)
        Path vaultFile = engine.layout().file(user, VaultFile.VAULT)

        when: 'opened with nothing but the documented URI parameters and the raw key'
        def connection = DriverManager.getConnection("jdbc:sqlite:file:${vaultFile}?cipher=sqlcipher&legacy=4&key=x%27${VAULT_KEY}%27")
        def format = connection.createStatement().executeQuery("SELECT value FROM vault_meta WHERE name = 'format'").getString(1)
        connection.close()

        then:
        format == 'research-vault/1'

        and: 'and with the driver\'s SQLCipher 4 defaults'
        openRaw(vaultFile, VAULT_KEY.decodeHex()).withCloseable { it.createStatement().executeQuery('SELECT count(*) FROM vault_meta').getInt(1) } >= 2
    }
}
