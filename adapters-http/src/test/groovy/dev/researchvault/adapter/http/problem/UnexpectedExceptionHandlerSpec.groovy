package dev.researchvault.adapter.http.problem

import io.micronaut.http.HttpRequest
import spock.lang.Specification

import java.sql.SQLException

class UnexpectedExceptionHandlerSpec extends Specification {

    def handler = new UnexpectedExceptionHandler()

    def "anything that is not a domain error is a 500 with an error id and no message"() {
        when:
        def response = handler.handle(HttpRequest.GET('/x'), new IllegalStateException('SELECT * FROM secret'))

        then:
        response.status.code == 500
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code() == 'server.error'
        response.body().detail() ==~ /an unexpected error occurred \(error id [0-9a-f-]{36}\)/
        !response.body().detail().contains('SELECT')
    }

    def "a driver's exception is no longer read here: storage failures arrive translated, so an untranslated one is a bug"() {
        when: 'even a full disk (SQLITE_FULL) or a busy file (SQLITE_BUSY), had it escaped the persistence adapter'
        def response = handler.handle(HttpRequest.POST('/api/v1/research', ''),
                new RuntimeException('Error executing PERSIST', new SQLException('[SQLITE_FULL] INSERT INTO research', null, code)))

        then:
        response.status.code == 500
        response.body().code() == 'server.error'
        !response.body().detail().contains('INSERT')

        where:
        code << [1, 5, 11, 13]
    }
}
