package dev.researchvault.domain.blob;

import dev.researchvault.domain.vault.VaultBound;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * One kind of row that owns blobs (messages own their files today; documents may later): answers which of
 * some owner ids are rows of the bound user's vault. A blob whose owner no kind of row knows is unreferenced
 * and may be reconciled away. Usually a method reference to a repository, e.g. {@code chats::existingMessages}.
 */
@VaultBound
@FunctionalInterface
public interface BlobOwners {

    /**
     * The ids among {@code ids} that name a live row of this kind; empty for an empty collection. Reads only.
     * Callers pass bounded batches (a few hundred ids).
     */
    Set<UUID> existing(Collection<UUID> ids);
}
