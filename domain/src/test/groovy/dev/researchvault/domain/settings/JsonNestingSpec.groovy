package dev.researchvault.domain.settings

import dev.researchvault.domain.RuleViolationException
import spock.lang.Specification

class JsonNestingSpec extends Specification {

    def "the depth of #json is #depth"() {
        expect:
        JsonNesting.depthOf(json) == depth

        where:
        json                                   || depth
        '1'                                    || 0
        '"[[[{"'                               || 0
        '[]'                                   || 1
        '{"a":[1,{"b":[]}],"c":{}}'            || 4
        '["\\"[[", "\\\\", ["x"]]'             || 2
        '[' * 1000 + ']' * 1000                || 1000
    }

    def "a json setting takes #depth levels of nesting but not one more"() {
        given:
        def definition = new SettingDefinition('a.b', SettingType.JSON, 'a', 'about a.b', new SettingValue.Json('{}'),
                null, null, [])
        def deepest = new SettingValue.Json('[' * JsonNesting.MAX_DEPTH + ']' * JsonNesting.MAX_DEPTH)
        def tooDeep = new SettingValue.Json('{"k":' * (JsonNesting.MAX_DEPTH + 1) + '1' + '}' * (JsonNesting.MAX_DEPTH + 1))

        expect:
        definition.accept(deepest) == deepest

        when:
        definition.accept(tooDeep)

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'settings.too-deep'
        refused.message == 'the value is nested deeper than 32 levels of arrays and objects'

        and: 'a stored value that deep is ignored, like any other override this release no longer accepts'
        definition.fromStored(tooDeep.json()).isEmpty()

        where:
        depth = JsonNesting.MAX_DEPTH
    }
}
