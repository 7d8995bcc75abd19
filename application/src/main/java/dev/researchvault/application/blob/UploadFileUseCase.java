package dev.researchvault.application.blob;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.blob.StagedUpload;
import java.util.UUID;

/** Receives a file on its own, for a later message or document to take by its upload id (docs/api.md, "Uploads"). */
public interface UploadFileUseCase {

    /**
     * Stores the command's bytes as they arrive, never whole in memory, and keeps them until a message or document
     * claims them or they expire.
     *
     * @throws dev.researchvault.domain.LimitExceededException {@code file.too-large} (413) as soon as the announced
     *         size or the bytes received pass the file size limit; nothing is kept
     * @throws dev.researchvault.domain.RuleViolationException {@code upload.invalid-name}, {@code blob.invalid-mime},
     *         {@code blob.unreadable} (the body broke off); nothing is kept
     */
    StagedUpload upload(Session caller, UploadFileCommand command);

    /**
     * The upload {@code uploadId}, still waiting to be taken.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code upload.not-found} once taken or expired, or when
     *         never made by the caller
     */
    StagedUpload find(Session caller, UUID uploadId);
}
