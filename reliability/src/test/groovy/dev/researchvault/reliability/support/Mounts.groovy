package dev.researchvault.reliability.support

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * tmpfs mounts for the fault specs. As root, file modes do not stop writes and a read-only remount is
 * refused while the server holds files open for writing; an immutable directory (chattr +i) is what
 * refuses new files here, and a full disk is a small tmpfs. Needs CAP_SYS_ADMIN; where
 * mounting is not allowed the fault specs are skipped (docs/reliability.md).
 */
class Mounts {

    static final boolean AVAILABLE = probe()

    static void tmpfs(Path dir, int megabytes) {
        run('mount', '-t', 'tmpfs', '-o', "size=${megabytes}m,mode=700", 'tmpfs', dir.toString())
    }

    /** chattr +i / -i: an immutable directory takes no new file, even from root; open files stay writable. */
    static void immutable(List<Path> dirs, boolean on) {
        dirs.each { run('chattr', on ? '+i' : '-i', it.toString()) }
    }

    static void unmount(Path dir) {
        run('umount', '-l', dir.toString())
    }

    private static boolean probe() {
        Path dir = Files.createTempDirectory('rv-mount-probe-')
        try {
            if (exec('mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir.toString()) != 0) {
                return false
            }
            exec('umount', dir.toString())
            true
        } catch (IOException noMountCommand) {
            false
        } finally {
            Files.deleteIfExists(dir)
        }
    }

    private static void run(String... command) {
        int code = exec(command)
        assert code == 0: "${command.join(' ')} answered ${code}"
    }

    private static int exec(String... command) {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        assert process.waitFor(30, TimeUnit.SECONDS)
        process.exitValue()
    }
}
