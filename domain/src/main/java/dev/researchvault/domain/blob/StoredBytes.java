package dev.researchvault.domain.blob;

import dev.researchvault.domain.vault.VaultBound;

/** How many bytes of files the bound user's vault holds: what a storage quota counts. */
@VaultBound
@FunctionalInterface
public interface StoredBytes {

    /** The sizes of every stored blob (files and thumbnails) added up; 0 for none. Reads only. */
    long total();
}
