package dev.researchvault.adapter.persistence.ldr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploaded database as a file SQLite can open, in a directory of its own under the JVM's temporary directory
 * (owner-only, as {@link Files#createTempDirectory} makes it on POSIX), so that whatever SQLite puts beside it
 * ({@code -wal}, {@code -shm}) goes with it when it is {@linkplain #delete() deleted}. Its name says nothing of the
 * user; it is never logged.
 */
final class LdrTempCopy {

    private static final Logger LOG = LoggerFactory.getLogger(LdrTempCopy.class);

    private final Path directory;
    private final Path file;

    private LdrTempCopy(Path directory) {
        this.directory = directory;
        this.file = directory.resolve("ldr.db");
    }

    /** Writes {@code bytes} to a new private file; leaves nothing behind when that fails. */
    static LdrTempCopy of(byte[] bytes) {
        LdrTempCopy copy;
        try {
            copy = new LdrTempCopy(Files.createTempDirectory("ldr-import-"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        try {
            Files.write(copy.file, bytes);
            return copy;
        } catch (IOException | RuntimeException failure) {
            copy.delete();
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        }
    }

    Path file() {
        return file;
    }

    /** Deletes the file and its directory with everything in it. Idempotent; never throws. */
    void delete() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(directory);
        } catch (IOException leftBehind) {
            // Not thrown: the caller's own outcome (imported, or the reason it was not) must not be masked by this.
            LOG.warn("An LDR import could not delete its temporary copy in {}", directory);
        }
    }
}
