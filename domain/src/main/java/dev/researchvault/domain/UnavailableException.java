package dev.researchvault.domain;

/**
 * The storage cannot serve this request right now (busy, read-only, damaged vault). A full disk, the one case a
 * client must tell apart (reads go on, writes resume once space is freed), is the subclass
 * {@link StorageFullException}.
 */
public sealed class UnavailableException extends DomainException permits StorageFullException {

    public UnavailableException(String code, String message) {
        super(code, message);
    }
}
