package dev.researchvault.adapter.persistence.support

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** Base of the specs of one migration: a fresh plain {@code vault.db} per feature ({@link PlainVaultFile}). */
abstract class MigrationSpec extends Specification {

    @TempDir
    Path dir

    @Delegate
    PlainVaultFile vault

    def setup() {
        vault = new PlainVaultFile(dir)
    }

    def cleanup() {
        vault.close()
    }
}
