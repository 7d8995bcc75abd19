package dev.researchvault.adapter.persistence.support

import java.nio.file.Files
import java.nio.file.Path

/**
 * This process's open file descriptors on one file (Linux, /proc/self/fd): how specs see whether a vault file has a
 * connection open, since each SQLite connection holds a descriptor on its database file.
 */
final class OpenDescriptors {

    private OpenDescriptors() {
    }

    /** How many descriptors are open on {@code file} itself (not its WAL or shared memory). */
    static int on(Path file) {
        Path target = file.toRealPath()
        Files.list(Path.of('/proc/self/fd')).withCloseable { fds ->
            fds.filter { fd ->
                try {
                    Files.readSymbolicLink(fd) == target
                } catch (IOException ignored) {
                    false // closed between listing and reading
                }
            }.count() as int
        }
    }
}
