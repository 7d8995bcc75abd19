package dev.researchvault.domain.blob;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.VaultBound;
import java.util.UUID;

/** How many bytes of files the bound user's vault holds: what a storage quota counts. */
@VaultBound
@FunctionalInterface
public interface StoredBytes {

    /** The sizes of every stored blob (files and thumbnails) added up; 0 for none. Reads only. */
    long total();

    /**
     * Whose vault {@link #total} reads: a storage quota keeps the bytes being stored right now per owner. A fake
     * that stands for a single vault may keep the default.
     */
    default UserId owner() {
        return ONE_VAULT;
    }

    /** The owner of a {@link StoredBytes} that only ever reads one vault (tests). */
    UserId ONE_VAULT = new UserId(new UUID(0, 0));
}
