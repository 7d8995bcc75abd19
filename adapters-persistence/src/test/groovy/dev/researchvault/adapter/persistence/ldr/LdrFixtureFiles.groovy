package dev.researchvault.adapter.persistence.ldr

import java.nio.file.Files
import java.nio.file.Path

/** The two LDR databases most specs import, one of each key format, with the standard rows; {@link #delete} after. */
class LdrFixtureFiles {

    final Path dir = Files.createTempDirectory('ldr-fixture-')
    /** The {@code .salt} file's bytes of {@link #current}. */
    final byte[] salt = LdrFixture.newSalt()
    /** A database of the current format (per-database salt). */
    final byte[] current = LdrFixture.create(dir.resolve('ldr_user_current.db'), LdrFixture.PASSWORD, salt)
    /** A database of the legacy format (LDR's shared salt, no {@code .salt} file). */
    final byte[] legacy = LdrFixture.create(dir.resolve('ldr_user_legacy.db'), LdrFixture.PASSWORD, LdrFixture.LEGACY_SALT)

    void delete() {
        dir.toFile().deleteDir()
    }
}
