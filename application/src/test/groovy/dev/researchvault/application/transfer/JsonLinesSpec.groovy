package dev.researchvault.application.transfer

import dev.researchvault.domain.RuleViolationException
import groovy.json.JsonSlurper
import spock.lang.Specification

/** The hand-written JSON of exports and imports: what it writes any JSON reader reads back, and it reads it back too. */
class JsonLinesSpec extends Specification {

    def "text #name survives writing, a stock JSON reader and our reader, on one line"() {
        given:
        def out = new StringBuilder()
        JsonWriting.writeObject(out, [text: text, n: 42L, none: null, nested: [yes: true]])

        expect:
        !out.toString().contains('\n')
        new JsonSlurper().parseText(out.toString()).text == text
        JsonReading.object(out.toString(), 'line') == [text: text, n: 42L, none: null, nested: [yes: true]]

        where:
        name               | text
        'plain'            | 'hello'
        'quotes'           | 'say "hi" \\ there'
        'line breaks'      | 'a\nb\r\nc'
        'control'          | 'a\u0000b\u001fc\td'
        'line separators'  | 'a\u2028b\u2029c'
        'non-ASCII'        | 'é 中文 😀'
        'empty'            | ''
    }

    def "#why is refused as import.invalid-json"() {
        when:
        JsonReading.object(text, 'research.jsonl line 1')

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'import.invalid-json'
        !refused.message.contains(text.take(20)) || text.length() < 3

        where:
        why                  | text
        'not an object'      | '[1]'
        'trailing text'      | '{"a":1} x'
        'a fraction'         | '{"a":1.5}'
        'an exponent'        | '{"a":1e3}'
        'a name twice'       | '{"a":1,"a":2}'
        'a bare word'        | '{"a":nope}'
        'a raw line break'   | '{"a":"x\ny"}'
        'unclosed'           | '{"a":"x'
        'too deep'           | '{"a":' + '['.multiply(40) + ']'.multiply(40) + '}'
        'too large a number' | '{"a":99999999999999999999}'
        'a bad escape'       | '{"a":"\\q"}'
    }
}
