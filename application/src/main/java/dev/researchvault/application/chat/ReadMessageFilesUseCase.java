package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.FileDownload;
import java.util.UUID;

/** Downloads of the files attached to the caller's messages, and of their thumbnails. */
public interface ReadMessageFilesUseCase {

    /**
     * File {@code index} of message {@code messageId} (its thumbnail when {@code thumbnail}). When
     * {@code ifNoneMatch} (an HTTP {@code If-None-Match} value, may be null) names the current entity tag,
     * answers {@link FileDownload.NotModified} without reading the bytes.
     *
     * @throws dev.researchvault.domain.NotFoundException {@code file.not-found} when the caller has no such
     *         message, the message no such file, or the file no thumbnail
     */
    FileDownload download(Session caller, UUID messageId, int index, boolean thumbnail, String ifNoneMatch);
}
