package dev.researchvault.application.blob

import dev.researchvault.domain.blob.BlobDigest
import spock.lang.Specification

class BlobETagsSpec extends Specification {

    static final String TAG = BlobETags.of(BlobDigest.of('bytes'.bytes))

    def "the tag is the quoted SHA-256 of the bytes, equal for equal bytes"() {
        expect:
        TAG == '"' + 'bytes'.bytes.sha256() + '"'
        BlobETags.of(BlobDigest.of('bytes'.bytes)) == TAG
        BlobETags.of(BlobDigest.of('other'.bytes)) != TAG
    }

    def "If-None-Match '#header' #verdict"() {
        expect:
        BlobETags.noneMatchHits(header?.replace('TAG', TAG), TAG) == hits

        where:
        header              | hits
        'TAG'               | true
        '"abc", TAG'        | true
        'W/TAG'             | true
        '*'                 | true
        ' * '               | true
        '"abc"'             | false
        TAG.replace('"', '') | false
        ''                  | false
        null                | false
        verdict = hits ? 'answers 304' : 'sends the bytes'
    }
}
