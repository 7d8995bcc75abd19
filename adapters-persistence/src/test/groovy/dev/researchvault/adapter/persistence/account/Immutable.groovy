package dev.researchvault.adapter.persistence.account

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * {@code chattr +i}: a file even root may not open for writing. As root (the build machines) file modes
 * stop nothing, so this is how a spec gets a file SQLite can only open read-only. Needs root and a file
 * system with the attribute; specs using it are skipped elsewhere.
 */
class Immutable {

    static final boolean SUPPORTED = probe()

    static void set(Path path, boolean on) {
        assert chattr(on ? '+i' : '-i', path) == 0
    }

    private static boolean probe() {
        Path file = Files.createTempFile('rv-immutable-probe-', '.tmp')
        try {
            if (chattr('+i', file) != 0) {
                return false
            }
            chattr('-i', file) == 0
        } catch (IOException noChattr) {
            false
        } finally {
            Files.deleteIfExists(file)
        }
    }

    private static int chattr(String flag, Path path) {
        Process process = new ProcessBuilder('chattr', flag, path.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        assert process.waitFor(10, TimeUnit.SECONDS)
        process.exitValue()
    }
}
