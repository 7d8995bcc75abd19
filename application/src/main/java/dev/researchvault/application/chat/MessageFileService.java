package dev.researchvault.application.chat;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.BlobDownloads;
import dev.researchvault.application.blob.BlobETags;
import dev.researchvault.application.blob.FileDownload;
import dev.researchvault.application.blob.LegacyBase64;
import dev.researchvault.application.blob.LegacyMessageFiles;
import dev.researchvault.application.blob.LegacyMessageFiles.LegacyFile;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.BlobInfo;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.blob.BlobStore;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageFile;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReadMessageFilesUseCase}: the message row says which files exist, the blob store holds their bytes.
 * A message the legacy migration has not reached yet still has its bytes inline in the row: they are
 * served from there ({@link LegacyBase64}), with an entity tag computed from the decoded bytes.
 */
public record MessageFileService(VaultWork vault, ChatRepository messages, BlobStore blobs,
                                 LegacyMessageFiles legacyFiles) implements ReadMessageFilesUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFileService.class);
    private static final String FALLBACK_MIME = "application/octet-stream";

    @Override
    public FileDownload download(Session caller, UUID messageId, int index, boolean thumbnail, String ifNoneMatch) {
        if (index < 0) {
            throw notFound();
        }
        return vault.inVault(caller, () -> {
            Message message = messages.findMessage(messageId).orElseThrow(MessageFileService::notFound);
            MessageFile file = message.files().stream().filter(f -> f.index() == index).findFirst()
                    .orElseThrow(MessageFileService::notFound);
            // A file is saved under its name; a thumbnail is shown, so it has none.
            return bytesOf(messageId, file, thumbnail, ifNoneMatch)
                    .describedAs(thumbnail ? null : file.name(), message.createdAt());
        });
    }

    private FileDownload bytesOf(UUID messageId, MessageFile file, boolean thumbnail, String ifNoneMatch) {
        if (thumbnail && !file.hasThumbnail()) {
            throw notFound();
        }
        BlobKey key = thumbnail ? BlobKey.thumbnail(messageId, file.index()) : BlobKey.file(messageId, file.index());
        Optional<BlobInfo> stored = blobs.info(key);
        if (stored.isEmpty()) {
            return fromRow(key, file, ifNoneMatch);
        }
        // Deleted between the two reads (its chat was deleted meanwhile): as if it had never been there.
        return BlobDownloads.of(blobs, key, stored.get(), ifNoneMatch).orElseThrow(MessageFileService::notFound);
    }

    private FileDownload fromRow(BlobKey key, MessageFile file, String ifNoneMatch) {
        Optional<LegacyFile> inline = legacyFiles.inlineFile(key.messageId(), key.index());
        if (inline.isEmpty() || (key.thumbnail() && inline.get().thumbnail() == null)) {
            // The row names a file whose bytes are nowhere: should not happen (bytes are saved first).
            LOG.warn("event=file.bytes-missing thumbnail={}", key.thumbnail());
            throw notFound();
        }
        try {
            LegacyBase64.Decoded decoded = LegacyBase64.decode(key.thumbnail() ? inline.get().thumbnail() : inline.get().data());
            String mime = key.thumbnail() ? LegacyBase64.thumbnailMime(decoded) : headerSafe(file.mime());
            String etag = BlobETags.of(BlobDigest.of(decoded.bytes()));
            if (BlobETags.noneMatchHits(ifNoneMatch, etag)) {
                return new FileDownload.NotModified(etag);
            }
            return new FileDownload.Content(mime, decoded.bytes().length, etag, new ByteArrayInputStream(decoded.bytes()));
        } catch (DomainException undecodable) {
            LOG.warn("event=file.legacy-undecodable code={}", undecodable.code());
            throw notFound();
        }
    }

    /** Legacy rows were written without checks: a media type that cannot go in a header is not sent as such. */
    private static String headerSafe(String mime) {
        try {
            return BlobInfo.requireValidMime(mime);
        } catch (DomainException invalid) {
            return FALLBACK_MIME;
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("file.not-found", "no file with this index in this message");
    }
}
