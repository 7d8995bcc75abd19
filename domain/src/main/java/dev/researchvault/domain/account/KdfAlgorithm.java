package dev.researchvault.domain.account;

/** Password-based key derivation functions a vault key may come from. */
public enum KdfAlgorithm {
    /** Argon2id (RFC 9106), memory-hard; the default for new accounts. */
    ARGON2ID,
    /** PBKDF2 with HMAC-SHA512; kept for deployments that must avoid Argon2. Memory cost is ignored. */
    PBKDF2_HMAC_SHA512
}
