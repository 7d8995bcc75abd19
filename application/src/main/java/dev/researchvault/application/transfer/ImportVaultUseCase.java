package dev.researchvault.application.transfer;

import dev.researchvault.application.account.Session;

import java.io.InputStream;
import java.util.Map;

/** Brings an export (docs/export-format.md) into the caller's vault: all of it, or nothing. */
public interface ImportVaultUseCase {

    /** What an import brought in: records per kind, and files. */
    record ImportReport(Map<String, Long> records, long files) {
    }

    /**
     * Reads the archive from {@code zip} as it arrives and imports it, keeping every id. Nothing is changed
     * when anything fails.
     *
     * @throws dev.researchvault.domain.ConflictException       {@code import.conflict}: ids or unique names
     *                                                          already in the vault (the first are listed)
     * @throws dev.researchvault.domain.RuleViolationException  a malformed or hostile archive ({@code import.*})
     * @throws dev.researchvault.domain.LimitExceededException  {@code import.too-large}
     */
    ImportReport importVault(Session session, InputStream zip);
}
