package dev.researchvault.application.blob

import dev.researchvault.application.account.Session
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.account.Username
import dev.researchvault.domain.vault.MasterKey
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/** Uploads on their own: checks before the first byte, the limit while bytes arrive, the expiry they get. */
class UploadServiceSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-11-26T05:00:00Z')

    InMemoryBlobStore blobs = new InMemoryBlobStore()
    InMemoryBlobUploads uploads = new InMemoryBlobUploads(blobs)
    UploadService service = new UploadService(InMemoryVaultScope.work(), uploads, new FileSizeLimit(100), StorageQuota.unlimited(),
            Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC))
    Session caller = new Session('t', UserId.random(), new Username('ann'), new MasterKey(new byte[32]), 0,
            Instant.EPOCH, Instant.MAX)

    UploadFileCommand command(byte[] bytes, Map options = [:]) {
        new UploadFileCommand(options.mime ?: 'application/pdf', Optional.ofNullable(options.name as String),
                options.containsKey('announced') ? OptionalLong.of(options.announced as long) : OptionalLong.empty(),
                new ByteArrayInputStream(bytes))
    }

    def "an upload is staged with its name, size and digest, and expires after the configured time"() {
        when:
        def upload = service.upload(caller, command(new byte[100], [name: 'paper.pdf', announced: 100]))

        then:
        upload.info().size() == 100
        upload.name() == Optional.of('paper.pdf')
        upload.expiresAt() == NOW + Duration.ofMinutes(30)
        service.find(caller, upload.id()) == upload
    }

    def "an announced size above the limit is refused before a byte is read"() {
        given:
        def content = new BlobUploadsContractSpec.CountingStream(new ByteArrayInputStream(new byte[101]))

        when:
        service.upload(caller, new UploadFileCommand('application/pdf', Optional.empty(), OptionalLong.of(101), content))

        then:
        def refused = thrown(LimitExceededException)
        refused.code() == 'file.too-large'
        content.read == 0
        uploads.count() == 0
    }

    def "bytes beyond the limit are refused even when the size was not announced, and nothing is kept"() {
        when:
        service.upload(caller, command(new byte[101]))

        then:
        thrown(LimitExceededException)
        uploads.count() == 0
    }

    def "an announced size the storage quota cannot take is refused before a byte is read; within it, staged"() {
        given: '60 bytes stored of a 100-byte quota'
        def quota = new StorageQuota({ -> 60L }, 100)
        def limited = new UploadService(InMemoryVaultScope.work(), uploads, new FileSizeLimit(100), quota,
                Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC))
        def content = new BlobUploadsContractSpec.CountingStream(new ByteArrayInputStream(new byte[41]))

        when:
        limited.upload(caller, new UploadFileCommand('application/pdf', Optional.empty(), OptionalLong.of(41), content))

        then:
        def refused = thrown(LimitExceededException)
        refused.code() == 'vault.quota-exceeded'
        content.read == 0
        uploads.count() == 0

        expect:
        limited.upload(caller, command(new byte[40], [announced: 40])).info().size() == 40
    }

    def "a body that announces no size is held to the storage quota as it arrives, and nothing of it is kept"() {
        given: '60 bytes stored of a 100-byte quota, a limit per file high enough not to matter'
        def limited = new UploadService(InMemoryVaultScope.work(), uploads, new FileSizeLimit(1 << 20),
                new StorageQuota({ -> 60L }, 100), Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC))

        when:
        limited.upload(caller, command(new byte[41]))

        then:
        def refused = thrown(LimitExceededException)
        refused.code() == 'vault.quota-exceeded'
        uploads.count() == 0

        expect:
        limited.upload(caller, command(new byte[40])).info().size() == 40
    }

    def "a name that is #problem is refused"() {
        when:
        service.upload(caller, command(new byte[1], [name: name]))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'upload.invalid-name'

        where:
        problem     | name
        'blank'     | '  '
        'too long'  | 'n' * 256
    }

    def "an unknown or taken upload is not found"() {
        when:
        service.find(caller, UUID.randomUUID())

        then:
        def gone = thrown(NotFoundException)
        gone.code() == 'upload.not-found'
    }
}
