package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.vault.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * One raw 32-byte key per file from the master key: HKDF-SHA256 (RFC 5869) with an empty salt and the
 * file's {@link VaultFile#hkdfInfo()} label. Separate keys mean a leaked blob key does not open the vault.
 */
public final class FileKeys {

    private FileKeys() {
    }

    /** The raw key of {@code file}; the caller wipes it after use. */
    public static byte[] derive(MasterKey masterKey, VaultFile file) {
        byte[] master = masterKey.copyBytes();
        try {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(master, null, file.hkdfInfo().getBytes(StandardCharsets.US_ASCII)));
            byte[] key = new byte[32];
            hkdf.generateBytes(key, 0, key.length);
            return key;
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }
}
