package dev.researchvault.domain.vault;

import java.util.Optional;

/** Facts a vault keeps about itself (format version, creation and last unlock times), inside the vault. */
@VaultBound
public interface VaultMetadata {

    /** Names every vault has from creation on. */
    String FORMAT = "format";
    String CREATED_AT = "created_at";
    String LAST_UNLOCKED_AT = "last_unlocked_at";

    /** The value recorded under {@code name}, if any. */
    Optional<String> get(String name);

    /** Records {@code value} under {@code name}, replacing an earlier one. Idempotent. */
    void put(String name, String value);
}
