package dev.researchvault.application.blob;

import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Texts;
import dev.researchvault.application.account.Session;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobUploads;
import dev.researchvault.domain.blob.StagedUpload;
import dev.researchvault.domain.blob.UploadLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link UploadFileUseCase}: checks what can be checked before the first byte (name, media type, announced size),
 * then stages the bytes in the caller's vault as they arrive. Unclaimed uploads expire after {@code keepFor} and are
 * removed by {@link BlobReconciliation}'s sweep (after every login, and on vacuum).
 */
public final class UploadService implements UploadFileUseCase {

    /** Longest file name, as for a message's files. */
    public static final int MAX_NAME_LENGTH = 255;

    private final VaultWork vault;
    private final BlobUploads uploads;
    private final UploadLimit limit;
    private final StorageQuota quota;
    private final Duration keepFor;
    private final Clock clock;

    /**
     * @param limit   the one size check every upload path shares (the file size limit)
     * @param quota   the user's storage quota: a staged upload counts against it while it waits, and a message or
     *                document that takes it is not charged again
     * @param keepFor how long an upload waits to be claimed
     */
    public UploadService(VaultWork vault, BlobUploads uploads, UploadLimit limit, StorageQuota quota, Duration keepFor,
                         Clock clock) {
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("uploads must be kept for some time");
        }
        this.vault = vault;
        this.uploads = uploads;
        this.limit = Objects.requireNonNull(limit, "limit");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.keepFor = keepFor;
        this.clock = clock;
    }

    @Override
    public StagedUpload upload(Session caller, UploadFileCommand command) {
        command.name().ifPresent(name -> Texts.required(name, MAX_NAME_LENGTH, "upload.invalid-name", "file name"));
        BlobInfo.requireValidMime(command.mime());
        // A client that announces too much is refused before it sends a byte, and before the vault is opened.
        command.announcedSize().ifPresent(limit::check);
        return vault.inVault(caller, () -> {
            // A body that announces its size is admitted by the quota once, before a byte is staged; one that does not
            // (a chunked body) as its chunks arrive: one sum of stored sizes per chunk (1 MiB), no file byte read.
            // Either way the bytes stay reserved until the upload is staged, so concurrent uploads cannot pass it.
            try (StorageQuota.Reservation reservation = quota.admit(command.announcedSize().orElse(0L))) {
                UploadLimit held = command.announcedSize().isPresent() ? limit : bytesSoFar -> {
                    limit.check(bytesSoFar);
                    reservation.growTo(bytesSoFar);
                };
                return uploads.stage(command.mime(), command.name(), command.content(), held,
                        // Milliseconds: what the store keeps, so the answer now and every later one read the same.
                        clock.instant().plus(keepFor).truncatedTo(ChronoUnit.MILLIS));
            }
        });
    }

    @Override
    public StagedUpload find(Session caller, UUID uploadId) {
        return vault.inVault(caller, () -> uploads.find(uploadId, clock.instant())).orElseThrow(UploadService::notFound);
    }

    /** The answer for an upload id that names nothing waiting: unknown, expired, or already taken. */
    public static NotFoundException notFound() {
        return new NotFoundException("upload.not-found", "no upload with this id is waiting to be used");
    }
}
