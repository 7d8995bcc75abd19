package dev.researchvault.application.support

import dev.researchvault.domain.account.KdfAlgorithm
import dev.researchvault.domain.account.KdfParameters
import dev.researchvault.domain.account.Password
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.VaultKeys

import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.concurrent.CopyOnWriteArrayList
import java.util.function.LongConsumer

/**
 * A fast, deterministic {@link VaultKeys}: the key is SHA-256 over salt and password. Every key it hands out
 * is kept, so a spec can check that each was wiped; {@code gates} holds a derivation of one password
 * (point {@code kdf:<password>}), standing in for the slow KDF.
 */
class FakeVaultKeys implements VaultKeys {

    final Gates gates = new Gates()
    final List<MasterKey> derived = new CopyOnWriteArrayList<>()
    /** Told how many nanoseconds each derivation "takes", for specs with a fake clock. */
    LongConsumer elapse = { }
    long nanosPerDerivation

    private final SecureRandom random = new SecureRandom()

    @Override
    MasterKey derive(Password password, KdfParameters parameters) {
        def text = new String(password.characters())
        gates.pass("kdf:${text}")
        elapse.accept(nanosPerDerivation)
        def key = keyOf(text, parameters)
        derived << key
        key
    }

    @Override
    KdfParameters freshParameters() {
        byte[] salt = new byte[32]
        random.nextBytes(salt)
        new KdfParameters(KdfAlgorithm.PBKDF2_HMAC_SHA512, 0, 1, 1, salt)
    }

    /** The key {@code password} derives under {@code parameters}, outside the record of handed-out keys. */
    MasterKey keyOf(String password, KdfParameters parameters) {
        def digest = MessageDigest.getInstance('SHA-256')
        digest.update(parameters.salt())
        digest.update(password.getBytes(StandardCharsets.UTF_8))
        new MasterKey(digest.digest())
    }

    int getDerivations() {
        derived.size()
    }
}
