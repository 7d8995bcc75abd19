package dev.researchvault.domain.search

import dev.researchvault.domain.CursorTokens
import dev.researchvault.domain.PageCursor
import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

import java.time.Instant

class SearchCursorSpec extends Specification {

    def 'a cursor survives its token: #cursor'() {
        expect:
        SearchCursor.parse(cursor.token()) == cursor

        where:
        cursor << [new SearchCursor(true, 123_456_789L), new SearchCursor(false, 0), new SearchCursor(false, 2000)]
    }

    def 'a token that is not a search cursor is a 400, its text never repeated: #why'() {
        when:
        SearchCursor.parse(token)

        then:
        RuleViolationException refused = thrown()
        refused.code() == CursorTokens.INVALID
        !refused.message.contains(token ?: '\u0000')

        where:
        why                      | token
        'missing'                | null
        'not base64'             | '***'
        'edited'                 | new SearchCursor(true, 5).token().reverse()
        'a list cursor'          | new PageCursor(PageCursor.Listing.RESEARCH, Instant.EPOCH, 1).token()
        'a negative position'    | CursorTokens.encode('s1', 'newest', '-1')
        'an unknown order'       | CursorTokens.encode('s1', 'oldest', '1')
        'not a number'           | CursorTokens.encode('s1', 'ranked', 'x')
        'too long'               | 'a' * 201
    }

    def 'a search cursor is no list cursor'() {
        when:
        PageCursor.parse(new SearchCursor(true, 5).token())

        then:
        RuleViolationException refused = thrown()
        refused.code() == PageCursor.INVALID
    }
}
