package dev.researchvault.application.support

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A small tmpfs mounted for a spec, to fill up for real (a full disk cannot be faked convincingly: SQLite,
 * the JDK and the kernel each report it their own way), and chattr +i, the one read-only state root cannot
 * write through. Needs root (the build machines); specs using it are skipped where mounting is refused.
 */
class SmallDisk {

    static final boolean AVAILABLE = probe()

    final Path dir

    private SmallDisk(Path dir) {
        this.dir = dir
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir} (created if missing). */
    static SmallDisk mount(Path dir, int megabytes) {
        Files.createDirectories(dir)
        run('mount', '-t', 'tmpfs', '-o', "size=${megabytes}m,mode=700", 'tmpfs', dir.toString())
        new SmallDisk(dir)
    }

    /** Writes a filler file until the disk refuses: afterwards not a byte is free. */
    Path fill() {
        Path filler = dir.resolve('filler')
        byte[] chunk = new byte[64 * 1024]
        try (def out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk)
            }
        } catch (IOException full) {
            // no space left on the device: the point
        }
        filler
    }

    void free() {
        Files.deleteIfExists(dir.resolve('filler'))
    }

    void unmount() {
        run('umount', '-l', dir.toString())
    }

    /** chattr +i / -i: an immutable directory takes no new file, even from root. */
    static void immutable(Path path, boolean on) {
        run('chattr', on ? '+i' : '-i', path.toString())
    }

    private static boolean probe() {
        Path dir = Files.createTempDirectory('rv-small-disk-probe-')
        try {
            if (exec('mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir.toString()) != 0) {
                return false
            }
            boolean chattr = exec('chattr', '+i', dir.toString()) == 0 && exec('chattr', '-i', dir.toString()) == 0
            exec('umount', dir.toString())
            chattr
        } catch (IOException noCommand) {
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
