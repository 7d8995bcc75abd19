package dev.researchvault.application.ldr;

import dev.researchvault.application.account.Session;

/** Imports a Local Deep Research database into the caller's vault: {@code POST /api/v1/import/ldr}. */
public interface ImportLdrUseCase {

    /**
     * Reads the LDR database of {@code command} and adds its research (with reports, resources and logs) and its
     * API keys to the caller's vault in one transaction, then the settings that have a counterpart here and that
     * the user had changed from LDR's defaults. Rows this vault already holds (a research with the same id, an API
     * key or setting override the caller already has) and rows our rules refuse are skipped and counted, never
     * an error. Running it twice on the same file imports nothing the second time.
     *
     * @throws dev.researchvault.domain.RuleViolationException {@code ldr.wrong-password}, {@code ldr.not-a-database},
     *         {@code ldr.invalid-salt}; nothing is changed then
     */
    LdrImportResult importLdr(Session session, ImportLdrCommand command);
}
