package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.KdfAlgorithm;
import dev.researchvault.domain.account.KdfParameters;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code kdf.properties}: the KDF row a copy of a vault was encrypted under (algorithm, cost, salt; nothing
 * secret), so that a backup and its password are enough to open it with stock tools, without the registry
 * (docs/file-format.md, "Backups"). A plain properties file: readable by people and by any language.
 */
public final class KdfRowFile {

    public static final String NAME = "kdf.properties";

    private KdfRowFile() {
    }

    /** Writes {@code kdf} to {@code file} (mode 600, synced). */
    public static void write(Path file, KdfParameters kdf) {
        Properties row = new Properties();
        row.setProperty("format", "1");
        row.setProperty("algorithm", kdf.algorithm().name());
        row.setProperty("memoryKib", Integer.toString(kdf.memoryKib()));
        row.setProperty("iterations", Integer.toString(kdf.iterations()));
        row.setProperty("parallelism", Integer.toString(kdf.parallelism()));
        row.setProperty("salt", Base64.getEncoder().encodeToString(kdf.salt()));
        try {
            Files.deleteIfExists(file);
            VaultLayout.createPrivateFile(file);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                row.store(out, "KDF row this copy is encrypted under: see docs/file-format.md");
            }
            EncryptedCopies.forceToDisk(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The KDF row in {@code file}; empty when there is none or it cannot be read (an older backup). */
    public static Optional<KdfParameters> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties row = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            row.load(in);
            return Optional.of(new KdfParameters(KdfAlgorithm.valueOf(row.getProperty("algorithm")),
                    Integer.parseInt(row.getProperty("memoryKib")), Integer.parseInt(row.getProperty("iterations")),
                    Integer.parseInt(row.getProperty("parallelism")), Base64.getDecoder().decode(row.getProperty("salt"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
