package dev.researchvault.application.blob

import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobInfo
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobUploads
import dev.researchvault.domain.blob.StagedUpload
import dev.researchvault.domain.blob.UploadLimit
import groovy.transform.CompileStatic

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/**
 * {@link BlobUploads} in a map, claiming into an {@link InMemoryBlobStore}: for use-case specs. Reads the stream in
 * 64 KiB parts and asks the limit after each, as the real adapter does per chunk.
 */
@CompileStatic
class InMemoryBlobUploads implements BlobUploads {

    private final BlobStore blobs
    private final Map<UUID, Staged> uploads = new ConcurrentHashMap<>()

    InMemoryBlobUploads(BlobStore blobs) {
        this.blobs = blobs
    }

    private static class Staged {
        StagedUpload upload
        byte[] data
    }

    @Override
    StagedUpload stage(String mime, Optional<String> name, InputStream content, UploadLimit limit, Instant expiresAt) {
        BlobInfo.requireValidMime(mime)
        def received = new ByteArrayOutputStream()
        byte[] part = new byte[64 * 1024]
        while (true) {
            int read
            try {
                read = content.readNBytes(part, 0, part.length)
            } catch (IOException ignored) {
                throw new RuleViolationException('blob.unreadable', 'the content could not be read')
            }
            if (read == 0) {
                break
            }
            limit.check(received.size() + read)
            received.write(part, 0, read)
        }
        byte[] data = received.toByteArray()
        def upload = new StagedUpload(UUID.randomUUID(), new BlobInfo(mime, data.length, BlobDigest.of(data)), name, expiresAt)
        uploads.put(upload.id(), new Staged(upload: upload, data: data))
        upload
    }

    @Override
    Optional<StagedUpload> find(UUID id, Instant now) {
        Optional.ofNullable(uploads.get(id)).filter { Staged s -> s.upload.expiresAt().isAfter(now) }.map { Staged s -> s.upload }
    }

    @Override
    BlobInfo claim(UUID id, BlobKey key, Instant now) {
        Staged staged = uploads.get(id)
        if (staged == null || !staged.upload.expiresAt().isAfter(now) || !uploads.remove(id, staged)) {
            throw new NotFoundException('upload.not-found', 'no upload with this id is waiting to be used')
        }
        blobs.save(key, staged.upload.info().mime(), staged.data)
    }

    @Override
    int removeExpired(Instant now) {
        def expired = uploads.findAll { UUID id, Staged s -> !s.upload.expiresAt().isAfter(now) }.keySet()
        expired.each { UUID id -> uploads.remove(id) }
        expired.size()
    }

    /** How many uploads are kept, expired or not: for assertions. */
    int count() {
        uploads.size()
    }
}
