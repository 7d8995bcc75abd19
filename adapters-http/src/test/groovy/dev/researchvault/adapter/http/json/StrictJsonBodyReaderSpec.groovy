package dev.researchvault.adapter.http.json

import io.micronaut.context.ApplicationContext
import io.micronaut.core.type.Argument
import io.micronaut.http.MediaType
import io.micronaut.http.codec.CodecException
import io.micronaut.json.tree.JsonNode
import io.micronaut.serde.SerdeRegistry
import io.micronaut.serde.config.SerdeConfiguration
import io.micronaut.serde.jackson.SerdeJacksonConfiguration
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/**
 * The strict reader on Serde's own registry, value by value: what it refuses (content after the value, a one-element
 * array for a single value, at any depth) and what it still reads as Serde did (real arrays, trees, null, a number
 * where text belongs).
 */
class StrictJsonBodyReaderSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run()

    @Shared
    StrictJsonBodyReader reader = new StrictJsonBodyReader(context.getBean(SerdeRegistry),
            context.getBean(SerdeConfiguration), context.getBean(SerdeJacksonConfiguration))

    private Object read(Argument type, String json) {
        reader.read(type, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
    }

    def "#json is refused as #type: #why"() {
        when:
        read(type, json)

        then:
        CodecException refused = thrown()
        refused.cause instanceof LenientJsonException
        refused.cause.message.startsWith(detail)

        where:
        type                                   | json                  | why                                || detail
        Argument.of(String)                    | '"a" "b"'             | 'a second value'                   || 'the body has content after'
        Argument.mapOf(String, Object)         | '{"a": 1}}'           | 'a stray close'                    || 'the body has content after'
        Argument.of(JsonNode)                  | '[1, 2] x'            | 'a word after a tree'              || 'the body has content after'
        Argument.of(String)                    | '["a"]'               | 'text as a one-element array'      || 'the body (or a member of it) is a JSON array'
        Argument.of(Integer)                   | '[5]'                 | 'a number as a one-element array'  || 'the body (or a member of it) is a JSON array'
        Argument.of(Boolean)                   | '[true]'              | 'a flag as a one-element array'    || 'the body (or a member of it) is a JSON array'
        Argument.listOf(String)                | '["a", ["b"]]'        | 'a list member as an array'        || 'the body (or a member of it) is a JSON array'
        Argument.mapOf(String, Long)           | '{"a": 1, "b": [2]}'  | 'a map value as an array'          || 'the body (or a member of it) is a JSON array'
        Argument.listOf(Argument.listOf(Double)) | '[[1.5], [[2.5]]]'  | 'a nested member as an array'      || 'the body (or a member of it) is a JSON array'
    }

    def "#json is read as #type, as before"() {
        expect:
        read(type, json) == value

        where:
        type                                 | json                          || value
        Argument.listOf(String)              | '["a", "b"] \n'               || ['a', 'b']
        Argument.listOf(Argument.listOf(Integer)) | '[[1], [2, 3], []]'      || [[1], [2, 3], []]
        Argument.mapOf(String, Object)       | '{"a": [1, [2]], "b": null}'  || [a: [1, [2]], b: null]
        Argument.of(String)                  | '5'                           || '5'
        Argument.of(String)                  | 'null'                        || null
        Argument.of(Integer)                 | ' 7 '                         || 7
    }

    def "a tree keeps its arrays"() {
        expect:
        read(Argument.of(JsonNode), '{"value": [1, 2]}').get('value').size() == 2
    }

    def "text, bytes and streams are left to Micronaut's own readers"() {
        expect:
        !reader.isReadable(Argument.of(raw), MediaType.APPLICATION_JSON_TYPE)
        reader.isReadable(Argument.listOf(String), MediaType.APPLICATION_JSON_TYPE)

        where:
        raw << [String, byte[], InputStream]
    }
}
