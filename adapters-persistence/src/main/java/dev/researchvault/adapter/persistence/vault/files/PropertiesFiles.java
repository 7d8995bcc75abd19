package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The small plain-text files beside a vault's databases ({@code kdf.properties}, {@code backup.properties}):
 * written private (mode 600), synced, and swapped in by one atomic rename, so a crash leaves the old file or
 * the new one, never half of one.
 */
public final class PropertiesFiles {

    private PropertiesFiles() {
    }

    public static void write(Path target, Properties values, String comment) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            VaultLayout.createPrivateFile(temporary);
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, comment);
            }
            EncryptedCopies.forceToDisk(temporary);
            EncryptedCopies.replaceAtomically(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values in {@code file}; empty when it is missing or unreadable. */
    public static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            return Optional.of(values);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
