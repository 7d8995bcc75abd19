package dev.researchvault.bootstrap.transfer

import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path

/**
 * The JSON Schemas of docs/export-schema, and a validator of the part of JSON Schema they use: {@code type} (one
 * or a list of object, string, integer, null), {@code const}, {@code properties}, {@code required},
 * {@code additionalProperties} (false or a schema). Hand-written: no schema library is available offline, and
 * this subset is all the export format needs. A keyword it does not know fails the validation, so the schemas
 * cannot outgrow it unnoticed.
 */
class ExportSchemas {

    static final Path DIRECTORY = Path.of('..', 'docs', 'export-schema')
    private static final Set<String> KNOWN = ['$schema', '$id', 'title', 'description', 'type', 'const', 'properties',
                                              'required', 'additionalProperties'] as Set

    static Map schema(String name) {
        new JsonSlurper().parse(Files.newBufferedReader(DIRECTORY.resolve(name + '.json'))) as Map
    }

    /** What is wrong with {@code value} under {@code schema}: empty when it is valid. */
    static List<String> problems(Object value, Map schema, String at = '$') {
        List<String> found = []
        (schema.keySet() - KNOWN).each { found << "${at}: unsupported keyword ${it}".toString() }
        if (schema.containsKey('type') && !typeMatches(value, schema.type)) {
            return found << "${at}: ${value?.getClass()?.simpleName} is not ${schema.type}".toString()
        }
        if (schema.containsKey('const') && value != schema.const) {
            found << "${at}: not ${schema.const}".toString()
        }
        if (value instanceof Map) {
            Map properties = schema.properties as Map ?: [:]
            (schema.required ?: []).findAll { !value.containsKey(it) }.each { found << "${at}: missing ${it}".toString() }
            value.each { key, member ->
                if (properties.containsKey(key)) {
                    found.addAll(problems(member, properties[key] as Map, "${at}.${key}"))
                } else if (schema.additionalProperties == false) {
                    found << "${at}: unexpected ${key}".toString()
                } else if (schema.additionalProperties instanceof Map) {
                    found.addAll(problems(member, schema.additionalProperties as Map, "${at}.${key}"))
                }
            }
        }
        found
    }

    private static boolean typeMatches(Object value, Object type) {
        (type instanceof List ? type : [type]).any { name ->
            switch (name) {
                case 'object': return value instanceof Map
                case 'string': return value instanceof String
                case 'integer': return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                case 'null': return value == null
                default: throw new IllegalArgumentException("unsupported type ${name}")
            }
        }
    }
}
