package dev.researchvault.application.ldr;

import java.util.Arrays;

/**
 * An uploaded LDR database: its bytes, its {@code .salt} file's bytes (null for the legacy format) and the
 * password of the LDR account. {@link #toString()} shows none of them.
 */
public record ImportLdrCommand(byte[] database, byte[] salt, char[] password) implements AutoCloseable {

    /** Wipes the password. */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "ImportLdrCommand[database=" + database.length + " bytes, salt=" + (salt == null ? "none" : "given")
                + ", password=hidden]";
    }
}
