package dev.researchvault.reliability.lifecycle

/** The bytes of a file a WRITE(file) stores: random, derived from its marker, so a download can check them. */
class FileBytes {
    static final int MiB = 1024 * 1024

    /**
     * 'file': 2 MiB (the fixed schedules: long enough to make a re-key or a close take tens of ms);
     * 'large file': 8 MiB, what downloads read: more than loopback sockets buffer for a paused reader, so the
     * server's stream, and the vault lease it holds, stays open until the client reads on.
     */
    static int sizeOf(String variant) { variant == 'large file' ? 8 * MiB : 2 * MiB }

    static boolean isFile(String variant) { variant in ['file', 'large file'] }

    static byte[] of(String marker, int size) {
        byte[] bytes = new byte[size]
        new Random(marker.hashCode()).nextBytes(bytes)
        bytes
    }
}
