package dev.researchvault.application.blob

import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.blob.BlobUploads
import dev.researchvault.domain.blob.UploadLimit
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link BlobUploads} does, with the {@link BlobStore} of the same vault its claims land in. Run on each
 * adapter by a small subclass.
 */
abstract class BlobUploadsContractSpec extends Specification {

    static final int MiB = 1024 * 1024
    static final UploadLimit NO_LIMIT = { long size -> }

    Instant now = Instant.parse('2026-11-26T05:00:00Z')
    Instant later = now.plusSeconds(3600)
    UUID message = UUID.fromString('a0a0a0a0-0000-4000-8000-00000000000a')

    BlobStore store
    BlobUploads uploads

    /** Sets {@link #store} and {@link #uploads} to a store and its uploads over one fresh vault. */
    abstract void newStores()

    def setup() {
        newStores()
    }

    def "an upload is kept whole, found by id, and not a blob until it is claimed: #size bytes"() {
        given:
        byte[] bytes = BlobStoreContractSpec.randomBytes(size)

        when:
        def upload = uploads.stage('video/mp4', Optional.of('talk.mp4'), new ByteArrayInputStream(bytes), NO_LIMIT, later)

        then:
        upload.info().size() == size
        upload.info().digest() == BlobDigest.of(bytes)
        upload.info().mime() == 'video/mp4'
        upload.name() == Optional.of('talk.mp4')
        upload.expiresAt() == later
        uploads.find(upload.id(), now) == Optional.of(upload)
        store.owners(Optional.empty(), 10) == []

        when:
        def claimed = uploads.claim(upload.id(), BlobKey.file(message, 2), now)

        then:
        claimed == upload.info()
        store.info(BlobKey.file(message, 2)).orElseThrow() == upload.info()
        store.openStream(BlobKey.file(message, 2)).orElseThrow().withCloseable { it.content().readAllBytes() } == bytes
        store.owners(Optional.empty(), 10) == [message]

        and: 'an upload is taken once'
        uploads.find(upload.id(), now).isEmpty()

        when:
        uploads.claim(upload.id(), BlobKey.file(message, 3), now)

        then:
        def gone = thrown(NotFoundException)
        gone.code() == 'upload.not-found'
        !store.exists(BlobKey.file(message, 3))

        where:
        size << [0, 10, MiB, 3 * MiB + 17]
    }

    def "a claim replaces the file under its key, whatever its size"() {
        given:
        def key = BlobKey.file(message, 0)
        store.save(key, 'text/plain', BlobStoreContractSpec.randomBytes(previous))
        byte[] bytes = BlobStoreContractSpec.randomBytes(2 * MiB + 1)
        def upload = uploads.stage('application/pdf', Optional.empty(), new ByteArrayInputStream(bytes), NO_LIMIT, later)

        when:
        uploads.claim(upload.id(), key, now)

        then:
        store.get(key).orElseThrow().data() == bytes
        store.info(key).orElseThrow().mime() == 'application/pdf'

        where:
        previous << [5, 3 * MiB]
    }

    def "an upload over the limit is refused as soon as it passes it, and nothing is kept"() {
        given: 'a stream far longer than the limit, counting what was read of it'
        long limit = 2 * MiB
        def counted = new CountingStream(new ByteArrayInputStream(new byte[16 * MiB]))

        when:
        uploads.stage('application/zip', Optional.empty(), counted, { long size ->
            if (size > limit) throw new LimitExceededException('file.too-large', 'too large')
        } as UploadLimit, later)

        then:
        thrown(LimitExceededException)
        counted.read < 4 * MiB
        uploads.removeExpired(later.plusSeconds(1)) == 0
        store.owners(Optional.empty(), 10) == []
    }

    def "a stream that breaks off stores nothing"() {
        given:
        def broken = new SequenceInputStream(new ByteArrayInputStream(new byte[2 * MiB + 5]), new InputStream() {
            int read() { throw new IOException('connection reset') }
        })

        when:
        uploads.stage('application/zip', Optional.empty(), broken, NO_LIMIT, later)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'blob.unreadable'
        uploads.removeExpired(later.plusSeconds(1)) == 0
    }

    def "an expired upload is no longer found or claimable, and the sweep removes it once"() {
        given:
        def upload = uploads.stage('text/plain', Optional.empty(), new ByteArrayInputStream(new byte[3 * MiB]), NO_LIMIT, later)
        def kept = uploads.stage('text/plain', Optional.empty(), new ByteArrayInputStream('kept'.bytes), NO_LIMIT, later.plusSeconds(60))

        expect:
        notWaiting(upload.id(), later)
        uploads.removeExpired(later) == 1
        uploads.removeExpired(later) == 0
        uploads.find(kept.id(), later).isPresent()
    }

    def "an unknown upload id is not found"() {
        expect:
        notWaiting(UUID.randomUUID(), now)
    }

    /** The upload {@code id} is neither found nor claimable at {@code at}, and a claim stores nothing. */
    void notWaiting(UUID id, Instant at) {
        assert uploads.find(id, at).isEmpty()
        try {
            uploads.claim(id, BlobKey.file(message, 0), at)
            assert false: 'claimed an upload that is not waiting'
        } catch (NotFoundException expected) {
            assert expected.code() == 'upload.not-found'
        }
        assert !store.exists(BlobKey.file(message, 0))
    }

    def "a media type that could not go into a header is refused before anything is read"() {
        when:
        uploads.stage('text/plain\r\nX-Injected: 1', Optional.empty(), new ByteArrayInputStream(new byte[1]), NO_LIMIT, later)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'blob.invalid-mime'
    }

    /** Counts the bytes read through it. */
    static class CountingStream extends FilterInputStream {
        long read

        CountingStream(InputStream inner) {
            super(inner)
        }

        @Override
        int read(byte[] target, int offset, int length) {
            int count = super.read(target, offset, length)
            read += Math.max(0, count)
            count
        }
    }
}
