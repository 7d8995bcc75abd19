package dev.researchvault.adapter.persistence.ldr;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * LDR's key recipe ({@code database/sqlcipher_utils.py}, docs/ldr-import.md): PBKDF2-HMAC-SHA512 over the
 * password's UTF-8 bytes with the database's salt, 256,000 iterations, 64 bytes; handed to SQLCipher as
 * {@code PRAGMA key = "x'<128 hex digits>'"}. SQLCipher takes {@code x'…'} as a raw key only with 64 or 96 hex
 * digits; 128 make it a passphrase, so SQLCipher runs its own PBKDF2-HMAC-SHA512 (256,000 iterations, the salt in
 * the file's first 16 bytes) over that text. The passphrase is what this class answers.
 */
final class LdrKey {

    /** PBKDF2 iterations of LDR's default ({@code DEFAULT_KDF_ITERATIONS}). */
    static final int ITERATIONS = 256_000;
    /** The salt of databases created before LDR wrote a {@code .salt} file ({@code LEGACY_PBKDF2_SALT}). */
    static final byte[] LEGACY_SALT = "no salt".getBytes(StandardCharsets.US_ASCII);
    /** Length of a {@code .salt} file ({@code SALT_SIZE}). */
    static final int SALT_LENGTH = 32;
    /** SHA-512's output: what Python's {@code pbkdf2_hmac("sha512", …)} answers without a length. */
    private static final int KEY_LENGTH = 64;

    private LdrKey() {
    }

    /** The text LDR passes to {@code PRAGMA key}: {@code x'} + hex of the derived key + {@code '}. */
    static String passphrase(char[] password, byte[] salt) {
        byte[] secret = utf8(password);
        byte[] key = null;
        try {
            PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
            pbkdf2.init(secret, salt, ITERATIONS);
            key = ((KeyParameter) pbkdf2.generateDerivedParameters(KEY_LENGTH * 8)).getKey();
            return "x'" + HexFormat.of().formatHex(key) + "'";
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static byte[] utf8(char[] characters) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
