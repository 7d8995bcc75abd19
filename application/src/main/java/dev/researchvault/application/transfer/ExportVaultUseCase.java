package dev.researchvault.application.transfer;

import dev.researchvault.application.account.Session;

/** Takes a user's data out of their vault in a readable archive (docs/export-format.md). */
public interface ExportVaultUseCase {

    /**
     * Prepares the export of the session's vault. API keys are included only when asked for, with the password
     * proven again.
     *
     * @param password needed only with {@code includeApiKeys}
     * @throws dev.researchvault.domain.UnauthenticatedException a wrong password (with {@code includeApiKeys})
     * @throws dev.researchvault.domain.RuleViolationException   {@code export.password-required}
     */
    ArchiveWriter export(Session session, boolean includeApiKeys, String password);
}
