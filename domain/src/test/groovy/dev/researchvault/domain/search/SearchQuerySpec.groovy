package dev.researchvault.domain.search

import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

/** What a user types into search, read as words, phrases and prefixes, and nothing else. */
class SearchQuerySpec extends Specification {

    static List<List<Object>> terms(String q) {
        SearchQuery.parse(q).terms().collect { [it.text(), it.phrase(), it.prefix()] }
    }

    def '#q reads as #expected'() {
        expect:
        terms(q) == expected

        where:
        q                             | expected
        'photon'                      | [['photon', false, false]]
        'photon entanglement'         | [['photon', false, false], ['entanglement', false, false]]
        '"deep learning" model'       | [['deep learning', true, false], ['model', false, false]]
        'photon*'                     | [['photon', false, true]]
        'photon* x'                   | [['photon', false, true], ['x', false, false]]
        '"unbalanced photon'          | [['unbalanced', false, false], ['photon', false, false]]
        'NEAR(a b)'                   | [['NEAR', false, false], ['a', false, false], ['b', false, false]]
        'a AND b OR c'                | [['a', false, false], ['AND', false, false], ['b', false, false], ['OR', false, false], ['c', false, false]]
        '*photon'                     | [['photon', false, false]]
        'résumé'                      | [['résumé', false, false]]
        "don't e.g. state-of-the-art" | [["don't", false, false], ['e.g.', false, false], ['state-of-the-art', false, false]]
        '"" photon " "'               | [['photon', false, false]]
    }

    def 'nothing to search for (#why) is 400 search.invalid-query'() {
        when:
        SearchQuery.parse(q)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'search.invalid-query'

        where:
        why                     | q
        'missing'               | null
        'empty'                 | ''
        'punctuation only'      | '"*()" -- ** ...'
        'longer than 500 chars' | 'a' * 501
        'more than 32 terms'    | (1..33).join(' ')
    }

    def 'kinds are read from a comma-separated list, all when absent; an unknown one is 400'() {
        expect:
        SearchKind.parseAll(null) == EnumSet.allOf(SearchKind)
        SearchKind.parseAll('research, message') == EnumSet.of(SearchKind.RESEARCH, SearchKind.MESSAGE)

        when:
        SearchKind.parseAll('research,secrets')

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'search.invalid-kind'
    }
}
