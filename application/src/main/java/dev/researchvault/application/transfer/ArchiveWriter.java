package dev.researchvault.application.transfer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An archive whose checks have passed (password, session, backup name) and that is ready to be written: the
 * web adapter calls {@link #writeTo} on a thread of its own while the response streams what it writes.
 * Whatever the writer holds (a copy of the key, open files) is released when {@link #writeTo} returns or fails.
 */
@FunctionalInterface
public interface ArchiveWriter {

    /**
     * Writes the whole archive to {@code out} (not closed). Call it exactly once.
     *
     * @throws IOException when {@code out} fails (the client went away, say): writing stops there
     */
    void writeTo(OutputStream out) throws IOException;
}
