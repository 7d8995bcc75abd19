package dev.researchvault.domain.vault;

import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;

/** Turns passwords into master keys. */
public interface VaultKeys {

    /**
     * Runs the KDF described by {@code parameters} over the password. Deterministic: the same password and
     * parameters give the same key. Deliberately slow (that is the point of the KDF).
     */
    MasterKey derive(Password password, KdfParameters parameters);

    /** The server's current default parameters with a fresh random 32-byte salt, for a new key. */
    KdfParameters freshParameters();
}
