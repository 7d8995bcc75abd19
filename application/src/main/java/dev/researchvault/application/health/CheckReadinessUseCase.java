package dev.researchvault.application.health;

/** Whether the server can serve reads and writes now: the answer of {@code GET /health}. */
public interface CheckReadinessUseCase {

    /**
     * The storage's state, at most a few seconds old: the check writes files and runs the encryption, which
     * must not run once per request of an anonymous caller. Never throws.
     */
    StorageHealth.Report readiness();
}
