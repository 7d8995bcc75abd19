package dev.researchvault.domain

import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Instant
import java.util.zip.CRC32

import static dev.researchvault.domain.PageCursor.Listing.CHATS
import static dev.researchvault.domain.PageCursor.Listing.RESEARCH

class PageCursorSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-23T21:07:51.123Z')

    def 'a cursor reads back from its token'() {
        given:
        PageCursor cursor = new PageCursor(list, time, sequence)

        expect:
        PageCursor.parse(cursor.token()) == cursor
        cursor.token() ==~ /[A-Za-z0-9_-]+/
        cursor.token().length() < 100

        where:
        list     | time                                      | sequence
        RESEARCH | T0                                        | 1
        CHATS    | Instant.parse('2024-05-01T10:00:00.123456789Z') | Long.MAX_VALUE
        RESEARCH | Instant.EPOCH                             | 0
    }

    def 'a token that #what is refused with the stable code and a message without the token'() {
        when:
        PageCursor.parse(token)

        then:
        RuleViolationException refused = thrown()
        refused.code() == 'page.invalid-cursor'
        !token || !refused.message.contains(token)

        where:
        what                                  | token
        'is empty'                            | ''
        'is not base64url'                    | 'not a cursor!'
        'is base64 of something else'         | 'aGVsbG8gd29ybGQ'
        'was edited'                          | edited(new PageCursor(RESEARCH, T0, 42).token())
        'was cut short'                       | new PageCursor(RESEARCH, T0, 42).token().dropRight(3)
        'is far too long'                     | 'A' * 201
        'has an unknown version'              | signed("2|research|${T0}|1")
        'names an unknown list'               | signed("1|settings|${T0}|1")
        'has no time'                         | signed('1|research|yesterday|1')
        'has no sequence'                     | signed("1|research|${T0}|first")
        'has a field too many'                | signed("1|research|${T0}|1|2")
    }

    def 'a list takes only its own cursors'() {
        given:
        PageCursor research = new PageCursor(RESEARCH, T0, 1)

        expect:
        research.requireList(RESEARCH) == research

        when:
        research.requireList(CHATS)

        then:
        RuleViolationException refused = thrown()
        refused.code() == 'page.invalid-cursor'
    }

    def 'a page request takes a page number or a cursor, not both'() {
        given:
        PageCursor cursor = new PageCursor(CHATS, T0, 1)

        expect:
        PageRequest.after(cursor, 5).byCursor()
        PageRequest.after(cursor, 5).offset() == 0
        PageRequest.after(cursor, 5).lookahead() == 6
        !new PageRequest(3, 5).byCursor()
        new PageRequest(3, 5).cursorOf(CHATS) == null

        when:
        new PageRequest(1, 5, cursor)

        then:
        thrown(RuleViolationException)
    }

    def 'a page sliced from one row more than its size offers the cursor of its last item'() {
        given:
        PageRequest request = new PageRequest(0, 2)
        Closure<PageCursor> cursorOf = { Integer item -> new PageCursor(RESEARCH, T0, item) }

        expect:
        with(Page.sliced([7, 6, 5], request, 9, cursorOf)) {
            items() == [7, 6]
            next() == new PageCursor(RESEARCH, T0, 6)
            total() == 9
        }
        Page.sliced([7, 6], request, 2, cursorOf).next() == null
        Page.sliced([7, 6, 5], request, 3, cursorOf).map { it * 10 }.next().sequence() == 6
    }

    static String signed(String payload) {
        CRC32 crc = new CRC32()
        crc.update(payload.getBytes(StandardCharsets.UTF_8))
        String text = payload + '|' + Long.toHexString(crc.value)
        Base64.urlEncoder.withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8))
    }

    /** The token with one character in its middle changed to another base64url character. */
    static String edited(String token) {
        int middle = token.length().intdiv(2)
        char replacement = token.charAt(middle) == (char) 'A' ? (char) 'B' : (char) 'A'
        token.substring(0, middle) + replacement + token.substring(middle + 1)
    }
}
