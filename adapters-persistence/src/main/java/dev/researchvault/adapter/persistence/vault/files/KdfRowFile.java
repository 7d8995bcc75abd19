package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.domain.account.KdfAlgorithm;
import dev.researchvault.domain.account.KdfParameters;
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
        PropertiesFiles.write(file, row, "KDF row this copy is encrypted under: see docs/file-format.md");
    }

    /** The KDF row in {@code file}; empty when there is none or it cannot be read (an older backup). */
    public static Optional<KdfParameters> read(Path file) {
        return PropertiesFiles.read(file).flatMap(KdfRowFile::parse);
    }

    private static Optional<KdfParameters> parse(Properties row) {
        try {
            return Optional.of(new KdfParameters(KdfAlgorithm.valueOf(row.getProperty("algorithm")),
                    Integer.parseInt(row.getProperty("memoryKib")), Integer.parseInt(row.getProperty("iterations")),
                    Integer.parseInt(row.getProperty("parallelism")), Base64.getDecoder().decode(row.getProperty("salt"))));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
