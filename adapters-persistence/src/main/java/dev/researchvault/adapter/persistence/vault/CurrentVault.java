package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.NoVaultBoundException;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The vault bound to the work in progress, carried in Micronaut's {@link PropagatedContext} (docs/traps.md
 * S12) so it follows the request onto executor threads and is gone when the scope closes.
 */
public record CurrentVault(OpenVault vault) implements PropagatedContextElement {

    /** The bound vault, if any. */
    static Optional<OpenVault> find() {
        return PropagatedContext.find().flatMap(context -> context.find(CurrentVault.class)).map(CurrentVault::vault);
    }

    /** A connection to {@code file} of the bound vault. */
    public static Connection connection(VaultFile file) throws SQLException {
        return bound().connection(file);
    }

    /**
     * A connection to {@code file} of the bound vault for a write, taken after waiting for the file's writer
     * turn (fair, at most the busy timeout, then SQLITE_BUSY); the turn ends when the connection is closed.
     * Writes of one file so queue in arrival order instead of racing in SQLite's busy handler.
     */
    public static Connection writeConnection(VaultFile file) throws SQLException {
        return bound().writeConnection(file);
    }

    /** Whose vault is bound: what per-user caches in front of a vault-bound port key their entries by. */
    public static UserId owner() {
        return bound().user();
    }

    // Unchecked and not an SQLException on purpose: a port called outside VaultWork is a programming error
    // that must surface as itself, not be translated into a storage failure (503) on its way out.
    private static OpenVault bound() {
        return find().orElseThrow(NoVaultBoundException::new);
    }
}
