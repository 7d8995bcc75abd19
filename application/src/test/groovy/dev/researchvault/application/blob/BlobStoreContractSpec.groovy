package dev.researchvault.application.blob

import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.blob.BlobDigest
import dev.researchvault.domain.blob.BlobKey
import dev.researchvault.domain.blob.BlobStore
import dev.researchvault.domain.vault.NoVaultBoundException
import spock.lang.Specification

import java.security.MessageDigest

import static dev.researchvault.domain.blob.BlobKey.prefixOf

/**
 * What every {@link BlobStore} does. Run on each adapter by a small subclass that says how to get a store
 * whose every call works on one user's vault (a {@link ScopedBlobStore} around the adapter).
 */
abstract class BlobStoreContractSpec extends Specification {

    BlobStore store = newStore()

    // Fixed ids, so that which prefixes cover which message never depends on chance.
    UUID messageA = UUID.fromString('a0a0a0a0-0000-4000-8000-00000000000a')
    UUID messageB = UUID.fromString('b0b0b0b0-0000-4000-8000-00000000000b')

    abstract BlobStore newStore()

    def "a saved blob comes back with its bytes, media type, size and SHA-256"() {
        given:
        byte[] bytes = 'hello, blob'.getBytes('UTF-8')

        when:
        def saved = store.save(BlobKey.file(messageA, 0), 'text/plain; charset=utf-8', bytes)
        def blob = store.get(BlobKey.file(messageA, 0)).orElseThrow()

        then:
        blob.data() == bytes
        blob.info() == saved
        saved.mime() == 'text/plain; charset=utf-8'
        saved.size() == bytes.length
        saved.digest().sha256Hex() == MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
        store.info(BlobKey.file(messageA, 0)).orElseThrow() == saved
        store.size(BlobKey.file(messageA, 0)).asLong == bytes.length
    }

    def "a missing key has no blob, no metadata, no size and no stream"() {
        given:
        def missing = BlobKey.file(messageA, 7)

        expect:
        store.get(missing).isEmpty()
        store.info(missing).isEmpty()
        store.openStream(missing).isEmpty()
        store.size(missing).isEmpty()
        !store.exists(missing)
    }

    def "exists follows save and delete, and a file's thumbnail is a blob of its own"() {
        given:
        def file = BlobKey.file(messageA, 0)

        when:
        store.save(file, 'image/png', [1, 2, 3] as byte[])

        then:
        store.exists(file)
        !store.exists(file.thumbnailKey())

        when:
        store.save(file.thumbnailKey(), 'image/jpeg', [9] as byte[])

        then:
        store.exists(file.thumbnailKey())
        store.get(file).orElseThrow().data() == [1, 2, 3] as byte[]
    }

    def "delete says whether something was deleted, so a second delete is false"() {
        given:
        def key = BlobKey.file(messageA, 0)
        store.save(key, 'application/pdf', [1] as byte[])

        expect:
        store.delete(key)
        !store.exists(key)
        !store.delete(key)
        !store.delete(BlobKey.file(messageB, 3))
    }

    def "saving under an existing key replaces bytes, media type and digest"() {
        given:
        def key = BlobKey.file(messageA, 0)
        store.save(key, 'text/plain', 'first version'.bytes)

        when:
        def second = store.save(key, 'text/markdown', 'v2'.bytes)

        then:
        def blob = store.get(key).orElseThrow()
        blob.data() == 'v2'.bytes
        blob.info() == second
        second.size() == 2
        second.digest() == BlobDigest.of('v2'.bytes)
    }

    def "bytes survive exactly: #description"() {
        given:
        def key = BlobKey.file(messageA, 1)

        when:
        store.save(key, 'application/octet-stream', bytes)

        then:
        store.get(key).orElseThrow().data() == bytes
        store.openStream(key).orElseThrow().withCloseable { it.content().readAllBytes() } == bytes
        store.size(key).asLong == bytes.length

        where:
        description          | bytes
        'empty'              | new byte[0]
        'all 256 values'     | (0..255).collect { it as byte } as byte[]
        '1 MiB of noise'     | randomBytes(1024 * 1024)
    }

    def "the store keeps its own copy: changing the saved array afterwards changes nothing"() {
        given:
        byte[] bytes = [1, 2, 3]
        store.save(BlobKey.file(messageA, 0), 'application/octet-stream', bytes)

        when:
        bytes[0] = 42

        then:
        store.get(BlobKey.file(messageA, 0)).orElseThrow().data() == [1, 2, 3] as byte[]
    }

    def "a blob saved from a stream of the announced size reads back the same"() {
        given:
        byte[] bytes = randomBytes(100_000)

        when:
        def info = store.save(BlobKey.file(messageA, 0), 'image/png', bytes.length, new ByteArrayInputStream(bytes))

        then:
        info.size() == bytes.length
        store.get(BlobKey.file(messageA, 0)).orElseThrow().data() == bytes
    }

    def "a stream #problem than announced is refused and stores nothing"() {
        when:
        store.save(BlobKey.file(messageA, 0), 'image/png', announced, new ByteArrayInputStream(new byte[10]))

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'blob.size-mismatch'
        !store.exists(BlobKey.file(messageA, 0))

        where:
        problem   | announced
        'shorter' | 11
        'longer'  | 9
    }

    def "a media type that could not go into a header is refused and stores nothing"() {
        when:
        store.save(BlobKey.file(messageA, 0), mime, [1] as byte[])

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'blob.invalid-mime'
        !store.exists(BlobKey.file(messageA, 0))

        where:
        mime << ['', '   ', 'text/plain\r\nX-Injected: 1', 'x/' + 'y' * 300, 'text/plaïn']
    }

    def "deleting a message's prefix deletes its files and thumbnails and no other message's blobs"() {
        given:
        saveFiles(messageA, 3, true)
        saveFiles(messageB, 2, true)

        when:
        int deleted = store.deleteByPrefix(prefixOf(messageA))

        then:
        deleted == 6
        (0..2).every { !store.exists(BlobKey.file(messageA, it)) && !store.exists(BlobKey.thumbnail(messageA, it)) }
        (0..1).every { store.exists(BlobKey.file(messageB, it)) && store.exists(BlobKey.thumbnail(messageB, it)) }

        and: 'again, there is nothing left to delete'
        store.deleteByPrefix(prefixOf(messageA)) == 0
    }

    def "many prefixes are deleted together and each blob counts once"() {
        given:
        def messageC = UUID.fromString('c0c0c0c0-0000-4000-8000-00000000000c')
        saveFiles(messageA, 2, true)
        saveFiles(messageB, 1, false)
        saveFiles(messageC, 2, false)

        when: 'the prefix of A is given twice, and once more in a shorter form that also covers it'
        int deleted = store.deleteByPrefixes([prefixOf(messageA), prefixOf(messageB), prefixOf(messageA),
                                              prefixOf(messageA) + '0'])

        then:
        deleted == 5
        store.exists(BlobKey.file(messageC, 0))
        store.exists(BlobKey.file(messageC, 1))
        !store.exists(BlobKey.thumbnail(messageA, 1))
    }

    def "an empty list of prefixes deletes nothing"() {
        given:
        saveFiles(messageA, 2, true)

        expect:
        store.deleteByPrefixes([]) == 0
        store.exists(BlobKey.file(messageA, 0))
        store.exists(BlobKey.thumbnail(messageA, 1))
    }

    def "an empty prefix is refused rather than deleting everything"() {
        given:
        saveFiles(messageA, 1, false)

        when:
        store.deleteByPrefixes([prefixOf(messageB), ''])

        then:
        thrown(IllegalArgumentException)
        store.exists(BlobKey.file(messageA, 0))
    }

    def "wildcard characters in a prefix match only themselves: #prefix"() {
        given:
        saveFiles(messageA, 2, true)
        saveFiles(messageB, 1, false)

        when:
        int deleted = store.deleteByPrefixes([prefix.replace('A', messageA.toString())])

        then:
        deleted == 0
        store.exists(BlobKey.file(messageA, 0))
        store.exists(BlobKey.thumbnail(messageA, 1))
        store.exists(BlobKey.file(messageB, 0))

        where:
        prefix << ['%', '_', '\\', '%/0', 'A%', 'A_', 'A/_', 'A/%', 'A/0%', 'A\\', 'A/\\%', 'A/0.thumb%', '\\%', '[a-f]']
    }

    def "a prefix is a prefix of the text key: one character short of a message's id still matches it"() {
        given:
        saveFiles(messageA, 1, true)
        saveFiles(messageB, 1, false)
        String idWithoutLastChar = messageA.toString()[0..-2]

        expect:
        store.deleteByPrefix(idWithoutLastChar) == 2
        !store.exists(BlobKey.file(messageA, 0))
        store.exists(BlobKey.file(messageB, 0))
    }

    def "a message id with one character replaced by an underscore deletes nothing"() {
        given:
        saveFiles(messageA, 1, true)
        String id = messageA.toString()
        String lookalike = '_' + id.substring(1) + '/'

        expect:
        store.deleteByPrefix(lookalike) == 0
        store.exists(BlobKey.thumbnail(messageA, 0))
    }

    def "owners lists each owner of stored blobs once, in order, and pages on after the last one"() {
        given: 'three owners with several files and thumbnails each'
        UUID messageC = UUID.fromString('c0c0c0c0-0000-4000-8000-00000000000c')
        saveFiles(messageB, 3, true)
        saveFiles(messageC, 1, false)
        saveFiles(messageA, 12, true)

        expect:
        store.owners(Optional.empty(), 10) == [messageA, messageB, messageC]
        store.owners(Optional.empty(), 2) == [messageA, messageB]
        store.owners(Optional.of(messageB), 2) == [messageC]
        store.owners(Optional.of(messageC), 2) == []
        store.owners(Optional.of(UUID.fromString('00000000-0000-4000-8000-000000000000')), 1) == [messageA]
    }

    def "an owner whose blobs are deleted is no longer listed, and an empty store lists none"() {
        expect:
        store.owners(Optional.empty(), 5) == []

        when:
        saveFiles(messageA, 2, true)
        saveFiles(messageB, 1, false)
        store.deleteByPrefix(BlobKey.prefixOf(messageA))

        then:
        store.owners(Optional.empty(), 5) == [messageB]
    }

    def "listing owners needs a positive page size"() {
        when:
        store.owners(Optional.empty(), 0)

        then:
        thrown(IllegalArgumentException)
    }

    // Large files. The SQLite adapter stores files above 1 MiB in chunks of 1 MiB; the sizes below sit on and
    // around its chunk boundaries, which no other store needs to know about.
    static final int MiB = 1024 * 1024

    def "a large file survives exactly, saved #how: #size bytes"() {
        given:
        def key = BlobKey.file(messageA, 0)
        byte[] bytes = randomBytes(size)

        when:
        def info = how == 'from an array' ? store.save(key, 'video/mp4', bytes)
                : store.save(key, 'video/mp4', size, new ByteArrayInputStream(bytes))

        then:
        info.size() == size
        info.digest() == BlobDigest.of(bytes)
        store.info(key).orElseThrow() == info
        store.get(key).orElseThrow().data() == bytes
        store.openStream(key).orElseThrow().withCloseable { it.content().readAllBytes() } == bytes

        where:
        [how, size] << [['from an array', 'from a stream'], [MiB - 1, MiB, MiB + 1, 2 * MiB, 3 * MiB + 12345]].combinations()
    }

    def "a stream of a large file skips to any position and reads on across chunk boundaries"() {
        given:
        def key = BlobKey.file(messageA, 0)
        byte[] bytes = randomBytes(3 * MiB + 100)
        store.save(key, 'video/mp4', bytes)

        when:
        byte[] read = store.openStream(key).orElseThrow().withCloseable { open ->
            open.content().skipNBytes(from)
            open.content().readNBytes(length)
        }

        then:
        read == Arrays.copyOfRange(bytes, from, from + length)

        where:
        from              | length
        0                 | 10
        MiB - 3           | 6
        MiB               | MiB
        2 * MiB + 5       | MiB + 95
        3 * MiB + 99      | 1
    }

    def "a large file replaced by a small one, and back, reads as the latest version"() {
        given:
        def key = BlobKey.file(messageA, 0)
        byte[] large = randomBytes(2 * MiB + 7)
        byte[] larger = randomBytes(4 * MiB)

        when:
        store.save(key, 'video/mp4', large)
        store.save(key, 'text/plain', 'small now'.bytes)

        then:
        store.get(key).orElseThrow().data() == 'small now'.bytes
        store.info(key).orElseThrow().size() == 9

        when:
        store.save(key, 'video/mp4', larger.length, new ByteArrayInputStream(larger))

        then:
        store.get(key).orElseThrow().data() == larger
        store.info(key).orElseThrow().digest() == BlobDigest.of(larger)
    }

    def "prefix deletion deletes large files with their thumbnails, each counted once"() {
        given:
        store.save(BlobKey.file(messageA, 0), 'video/mp4', randomBytes(2 * MiB + 1))
        store.save(BlobKey.thumbnail(messageA, 0), 'image/png', [1] as byte[])
        store.save(BlobKey.file(messageA, 1), 'video/mp4', randomBytes(MiB + 1))
        store.save(BlobKey.file(messageB, 0), 'video/mp4', randomBytes(3 * MiB))

        expect:
        store.deleteByPrefix(prefixOf(messageA)) == 3
        !store.exists(BlobKey.file(messageA, 0))
        store.owners(Optional.empty(), 10) == [messageB]
        store.get(BlobKey.file(messageB, 0)).orElseThrow().data().length == 3 * MiB
        store.delete(BlobKey.file(messageB, 0))
        !store.exists(BlobKey.file(messageB, 0))
    }

    def "a large stream #problem stores nothing and keeps the file it was to replace"() {
        given:
        def key = BlobKey.file(messageA, 0)
        byte[] before = randomBytes(MiB + 3)
        store.save(key, 'video/mp4', before)

        when:
        store.save(key, 'video/mp4', announced, content())

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == code
        store.get(key).orElseThrow().data() == before

        where:
        problem                  | announced   | code                 | content
        'shorter than announced' | 3 * MiB     | 'blob.size-mismatch' | { new ByteArrayInputStream(new byte[2 * MiB + 1]) }
        'longer than announced'  | 2 * MiB     | 'blob.size-mismatch' | { new ByteArrayInputStream(new byte[2 * MiB + 1]) }
        'that breaks off'        | 3 * MiB     | 'blob.unreadable'    | { brokenAfter(2 * MiB + 10) }
    }

    /** A stream of {@code count} zero bytes that then fails, as a client connection reset mid-upload. */
    static InputStream brokenAfter(int count) {
        new SequenceInputStream(new ByteArrayInputStream(new byte[count]), new InputStream() {
            int read() { throw new IOException('connection reset') }
        })
    }

    /** Saves {@code count} files of {@code message}, each with a thumbnail when asked. */
    void saveFiles(UUID message, int count, boolean withThumbnails) {
        (0..<count).each { index ->
            store.save(BlobKey.file(message, index), 'application/octet-stream', "file $index of $message".bytes)
            if (withThumbnails) {
                store.save(BlobKey.thumbnail(message, index), 'image/jpeg', "thumb $index".bytes)
            }
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size]
        new Random(size).nextBytes(bytes)
        bytes
    }

    def "with no vault bound, #method refuses and changes nothing"() {
        given:
        store.save(BlobKey.file(messageA, 0), 'text/plain', 'kept'.bytes)
        BlobStore unbound = (store as ScopedBlobStore).adapter

        when:
        call(unbound, messageA)

        then:
        thrown(NoVaultBoundException)
        store.get(BlobKey.file(messageA, 0)).orElseThrow().data() == 'kept'.bytes

        where:
        method             | call
        'save'             | { BlobStore s, UUID m -> s.save(BlobKey.file(m, 0), 'text/plain', 'lost'.bytes) }
        'save (streamed)'  | { BlobStore s, UUID m -> s.save(BlobKey.file(m, 0), 'text/plain', 4, new ByteArrayInputStream('lost'.bytes)) }
        'get'              | { BlobStore s, UUID m -> s.get(BlobKey.file(m, 0)) }
        'openStream'       | { BlobStore s, UUID m -> s.openStream(BlobKey.file(m, 0)) }
        'info'             | { BlobStore s, UUID m -> s.info(BlobKey.file(m, 0)) }
        'exists'           | { BlobStore s, UUID m -> s.exists(BlobKey.file(m, 0)) }
        'size'             | { BlobStore s, UUID m -> s.size(BlobKey.file(m, 0)) }
        'delete'           | { BlobStore s, UUID m -> s.delete(BlobKey.file(m, 0)) }
        'deleteByPrefix'   | { BlobStore s, UUID m -> s.deleteByPrefix(BlobKey.prefixOf(m)) }
        'deleteByPrefixes' | { BlobStore s, UUID m -> s.deleteByPrefixes([BlobKey.prefixOf(m)]) }
        'owners'           | { BlobStore s, UUID m -> s.owners(Optional.empty(), 10) }
    }
}
