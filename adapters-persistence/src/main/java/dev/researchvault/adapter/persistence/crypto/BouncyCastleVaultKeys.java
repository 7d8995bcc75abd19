package dev.researchvault.adapter.persistence.crypto;

import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.KdfAlgorithm;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultKeys;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Argon2id and PBKDF2-HMAC-SHA512 from Bouncy Castle. The password enters the KDF as UTF-8 bytes. */
public final class BouncyCastleVaultKeys implements VaultKeys {

    private static final int SALT_BYTES = 32;

    private final KdfConfiguration defaults;
    private final Semaphore concurrentDerivations;
    private final SecureRandom random = new SecureRandom();

    public BouncyCastleVaultKeys(KdfConfiguration defaults) {
        this.defaults = defaults;
        this.concurrentDerivations = new Semaphore(Math.max(1, defaults.getMaxConcurrentDerivations()), true);
    }

    @Override
    public KdfParameters freshParameters() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new KdfParameters(defaults.getAlgorithm(), defaults.getMemoryKib(), defaults.getIterations(),
                defaults.getParallelism(), salt);
    }

    @Override
    public MasterKey derive(Password password, KdfParameters parameters) {
        byte[] secret = utf8(password.characters());
        try {
            concurrentDerivations.acquireUninterruptibly();
            try {
                return new MasterKey(run(secret, parameters));
            } finally {
                concurrentDerivations.release();
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] run(byte[] secret, KdfParameters parameters) {
        byte[] key = new byte[MasterKey.LENGTH];
        if (parameters.algorithm() == KdfAlgorithm.ARGON2ID) {
            Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(parameters.memoryKib())
                    .withIterations(parameters.iterations())
                    .withParallelism(parameters.parallelism())
                    .withSalt(parameters.salt())
                    .build());
            argon2.generateBytes(secret, key);
            return key;
        }
        if (parameters.algorithm() == KdfAlgorithm.PBKDF2_HMAC_SHA512) {
            PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
            pbkdf2.init(secret, parameters.salt(), parameters.iterations());
            byte[] derived = ((KeyParameter) pbkdf2.generateDerivedParameters(MasterKey.LENGTH * 8)).getKey();
            System.arraycopy(derived, 0, key, 0, key.length);
            Arrays.fill(derived, (byte) 0);
            return key;
        }
        throw new UnavailableException("vault.kdf-unsupported", "unsupported key derivation");
    }

    private static byte[] utf8(char[] characters) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
