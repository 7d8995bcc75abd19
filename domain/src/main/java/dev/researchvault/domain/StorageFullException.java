package dev.researchvault.domain;

/**
 * A write found the disk full. Nothing is wrong with the vault: reading works, and writing does again once
 * space is freed. An {@link UnavailableException}, so callers that go on reading when a write is refused
 * (a login recording its unlock time) treat it like a read-only disk.
 */
public final class StorageFullException extends UnavailableException {

    public static final String CODE = "storage.full";

    public StorageFullException() {
        super(CODE, "the server's disk is full: reading works, writing resumes once space is freed");
    }
}
