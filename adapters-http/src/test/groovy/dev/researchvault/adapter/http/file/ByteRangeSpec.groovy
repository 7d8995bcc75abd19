package dev.researchvault.adapter.http.file

import spock.lang.Specification

/** The one byte range a Range header asks for, in a file of 100 bytes unless said otherwise (RFC 9110 §14.1.2). */
class ByteRangeSpec extends Specification {

    def '#header in #size bytes is #expected'() {
        expect:
        ByteRange.of(header, size) == expected

        where:
        header                        | size || expected
        'bytes=0-9'                   | 100  || new ByteRange(0, 9)
        'bytes=90-'                   | 100  || new ByteRange(90, 99)
        'bytes=90-1000'               | 100  || new ByteRange(90, 99)
        'bytes=-10'                   | 100  || new ByteRange(90, 99)
        'bytes=-1000'                 | 100  || new ByteRange(0, 99)
        'bytes=99-99'                 | 100  || new ByteRange(99, 99)
        ' BYTES=0-0 '                 | 100  || new ByteRange(0, 0)
        'bytes=100-'                  | 100  || ByteRange.UNSATISFIABLE
        'bytes=100-200'               | 100  || ByteRange.UNSATISFIABLE
        'bytes=-0'                    | 100  || ByteRange.UNSATISFIABLE
        'bytes=0-'                    | 0    || ByteRange.UNSATISFIABLE
        'bytes=-5'                    | 0    || ByteRange.UNSATISFIABLE
        null                          | 100  || null
        'bytes=9-0'                   | 100  || null
        'bytes=0-9,20-29'             | 100  || null
        'items=0-9'                   | 100  || null
        'bytes=-'                     | 100  || null
        'bytes=a-b'                   | 100  || null
        'bytes=0-9999999999999999999' | 100  || null
        'bytes= 0-9'                  | 100  || null
    }

    def 'a range knows its length'() {
        expect:
        new ByteRange(10, 19).length() == 10
        new ByteRange(10, 19).satisfiable()
        !ByteRange.UNSATISFIABLE.satisfiable()
    }
}
