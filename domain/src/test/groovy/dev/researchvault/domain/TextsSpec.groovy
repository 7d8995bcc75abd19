package dev.researchvault.domain

import spock.lang.Specification

class TextsSpec extends Specification {

    def "text with a lone surrogate is refused: UTF-8 storage would turn it into '?'"() {
        when:
        Texts.bounded(text, 100, 'x.invalid', 'field')

        then:
        def refused = thrown(RuleViolationException)
        refused.message.contains('well-formed')

        where:
        text << ['a\uD800b', 'a\uDC00', '\uDBFF', '\uDE00\uD83D']
    }

    def "pairs, NUL and other odd characters are kept as they are"() {
        expect:
        Texts.bounded(text, 100, 'x.invalid', 'field') == text

        where:
        text << ['\uD83D\uDE00', 'a\u0000b', '\u202Eabc', '', 'plain']
    }
}
