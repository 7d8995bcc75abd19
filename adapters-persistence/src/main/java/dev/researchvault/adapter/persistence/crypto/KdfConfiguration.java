package dev.researchvault.adapter.persistence.crypto;

import dev.researchvault.domain.account.KdfAlgorithm;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Default KDF cost for new keys ({@code vault.kdf.*}). Defaults are OWASP's minimum for Argon2id
 * (19 MiB, 2 passes, 1 lane); tests lower them through configuration. Existing accounts keep the
 * parameters stored with them.
 */
@ConfigurationProperties("vault.kdf")
public class KdfConfiguration {

    private KdfAlgorithm algorithm = KdfAlgorithm.ARGON2ID;
    private int memoryKib = 19 * 1024;
    private int iterations = 2;
    private int parallelism = 1;
    private int maxConcurrentDerivations = Runtime.getRuntime().availableProcessors();

    public KdfAlgorithm getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(KdfAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public int getMemoryKib() {
        return memoryKib;
    }

    public void setMemoryKib(int memoryKib) {
        this.memoryKib = memoryKib;
    }

    /** Argon2 passes; for PBKDF2 the iteration count (use at least 210,000 there, per OWASP). */
    public int getIterations() {
        return iterations;
    }

    public void setIterations(int iterations) {
        this.iterations = iterations;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Bound on KDF runs at once: each Argon2 run holds its memory cost, so a login storm cannot exhaust the heap. */
    public int getMaxConcurrentDerivations() {
        return maxConcurrentDerivations;
    }

    public void setMaxConcurrentDerivations(int maxConcurrentDerivations) {
        this.maxConcurrentDerivations = maxConcurrentDerivations;
    }
}
