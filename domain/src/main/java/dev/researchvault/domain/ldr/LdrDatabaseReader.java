package dev.researchvault.domain.ldr;

/**
 * Opens a Local Deep Research (LDR) per-user database that a user uploaded, to import it. Not vault-bound:
 * the file is the user's upload, not one of our vaults. See docs/ldr-import.md for the format.
 */
public interface LdrDatabaseReader {

    /**
     * Opens {@code database} (the bytes of LDR's {@code ldr_user_<hash>.db}) with {@code password}, read-only.
     * The bytes are copied to a private temporary file, which {@link LdrDatabase#close()} deletes, as does
     * every failure of this method. Costs two PBKDF2 runs of 256,000 iterations.
     *
     * @param salt     the contents of the database's {@code .salt} file, or null for a database of the legacy
     *                 format (created before LDR had per-database salts), which uses LDR's shared salt
     * @param password the password of the user's LDR account; wiped by the caller, never logged
     * @throws dev.researchvault.domain.RuleViolationException {@code ldr.wrong-password} when the password (or
     *         the salt) does not open the database; {@code ldr.not-a-database} when the bytes cannot be an LDR
     *         database; {@code ldr.invalid-salt} when the salt is not 32 bytes
     */
    LdrDatabase open(byte[] database, byte[] salt, char[] password);
}
