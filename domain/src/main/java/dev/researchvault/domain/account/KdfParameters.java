package dev.researchvault.domain.account;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How one user's master key is derived from their password. Stored per user, so changing the server's
 * defaults never locks anyone out: an account keeps the parameters it was created (or last rekeyed) with.
 *
 * @param algorithm   the KDF
 * @param memoryKib   Argon2 memory in KiB (ignored by PBKDF2)
 * @param iterations  Argon2 passes, or PBKDF2 iterations
 * @param parallelism Argon2 lanes (ignored by PBKDF2)
 * @param salt        random per-user salt, 32 bytes for new accounts
 */
public record KdfParameters(KdfAlgorithm algorithm, int memoryKib, int iterations, int parallelism, byte[] salt) {

    public KdfParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1 || parallelism < 1 || memoryKib < 0) {
            throw new IllegalArgumentException("KDF cost parameters must be positive");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The same cost parameters with another salt: what a password change uses. */
    public KdfParameters withSalt(byte[] newSalt) {
        return new KdfParameters(algorithm, memoryKib, iterations, parallelism, newSalt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KdfParameters that && algorithm == that.algorithm && memoryKib == that.memoryKib
                && iterations == that.iterations && parallelism == that.parallelism && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, memoryKib, iterations, parallelism, Arrays.hashCode(salt));
    }

    @Override
    public String toString() {
        return "KdfParameters[" + algorithm + ", m=" + memoryKib + "KiB, t=" + iterations + ", p=" + parallelism
                + ", salt=" + HexFormat.of().formatHex(salt) + "]";
    }
}
