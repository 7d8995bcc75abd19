package dev.researchvault.domain.blob

import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

class BlobKeySpec extends Specification {

    static final UUID MESSAGE = UUID.fromString('0f8fad5b-d9cb-469f-a165-70867728950e')

    def "a file key and its thumbnail key have the documented text forms"() {
        expect:
        BlobKey.file(MESSAGE, 0).value() == '0f8fad5b-d9cb-469f-a165-70867728950e/0'
        BlobKey.thumbnail(MESSAGE, 12).value() == '0f8fad5b-d9cb-469f-a165-70867728950e/12.thumb'
        BlobKey.file(MESSAGE, 3).thumbnailKey() == BlobKey.thumbnail(MESSAGE, 3)
        BlobKey.prefixOf(MESSAGE) == '0f8fad5b-d9cb-469f-a165-70867728950e/'
    }

    def "every key starts with its message's prefix"() {
        expect:
        BlobKey.file(MESSAGE, 5).value().startsWith(BlobKey.prefixOf(MESSAGE))
        BlobKey.thumbnail(MESSAGE, 5).value().startsWith(BlobKey.prefixOf(MESSAGE))
    }

    def "the text form reads back to the same key: #text"() {
        expect:
        BlobKey.parse(text).value() == text

        where:
        text << ['0f8fad5b-d9cb-469f-a165-70867728950e/0', '0f8fad5b-d9cb-469f-a165-70867728950e/7.thumb',
                 '0f8fad5b-d9cb-469f-a165-70867728950e/2147483647']
    }

    def "a text that is not a canonical key is refused: #text"() {
        when:
        BlobKey.parse(text)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'blob.invalid-key'
        !refused.message.contains(text.isEmpty() ? '\u0000' : text)

        where:
        text << ['', '0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e/',
                 '0F8FAD5B-D9CB-469F-A165-70867728950E/0', '0f8fad5b-d9cb-469f-a165-70867728950e/-1',
                 '0f8fad5b-d9cb-469f-a165-70867728950e/01', '0f8fad5b-d9cb-469f-a165-70867728950e/+1',
                 '0f8fad5b-d9cb-469f-a165-70867728950e/2147483648', '0f8fad5b-d9cb-469f-a165-70867728950e/0.thumbnail',
                 '0f8fad5b-d9cb-469f-a165-70867728950e/0/1', '0-0-0-0-000000000000000000000000000000/0',
                 '0f8fad5b-d9cb-469f-a165-70867728950e/%', 'x0f8fad5b-d9cb-469f-a165-70867728950e/0']
    }

    def "a negative index is refused"() {
        when:
        BlobKey.file(MESSAGE, -1)

        then:
        thrown(RuleViolationException)
    }
}
