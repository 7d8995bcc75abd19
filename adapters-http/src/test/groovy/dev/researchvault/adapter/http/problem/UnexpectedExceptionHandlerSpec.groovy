package dev.researchvault.adapter.http.problem

import io.micronaut.http.HttpRequest
import spock.lang.Specification

import java.sql.SQLException

class UnexpectedExceptionHandlerSpec extends Specification {

    def handler = new UnexpectedExceptionHandler()

    def "a storage failure anywhere in the cause chain is a 503, with no detail of the failure"() {
        when:
        def response = handler.handle(HttpRequest.GET('/api/v1/research'),
                new IllegalStateException('wrapper', new RuntimeException(new SQLException('[SQLITE_CORRUPT] SELECT secret', null, code))))

        then:
        response.status.code == 503
        response.body().code() == 'vault.unavailable'
        !response.body().detail().contains('SELECT')

        where:
        code << [11, 26, 8, 10 | (3 << 8)]
    }

    def "a full disk is 507 storage.full: nothing is wrong with the vault, and reads go on"() {
        when:
        def response = handler.handle(HttpRequest.POST('/api/v1/research', ''),
                new RuntimeException('Error executing PERSIST', new SQLException('[SQLITE_FULL] INSERT INTO research', null, 13)))

        then:
        response.status.code == 507
        response.body().code() == 'storage.full'
        !response.body().detail().contains('INSERT')
    }

    def "a busy file is 503 vault.busy with Retry-After, and never points at the integrity check"() {
        when: 'SQLITE_BUSY (5), SQLITE_BUSY_SNAPSHOT (517) or SQLITE_LOCKED (6) as Micronaut Data wraps them'
        def response = handler.handle(HttpRequest.POST('/api/v1/chats/x/messages', ''),
                new RuntimeException('Error executing PERSIST', new SQLException('[SQLITE_BUSY] INSERT INTO chat_message', null, code)))

        then:
        response.status.code == 503
        response.body().code() == 'vault.busy'
        response.body().detail() == 'the vault is busy with other writes; try again shortly'
        !response.body().detail().contains('integrity')
        response.header('Retry-After') == '1'

        where:
        code << [5, 5 | (2 << 8), 6]
    }

    def "anything else is a 500 with an error id and no message"() {
        when:
        def response = handler.handle(HttpRequest.GET('/x'), new IllegalStateException('SELECT * FROM secret'))

        then:
        response.status.code == 500
        response.body().code() == 'server.error'
        response.body().detail().contains('error id')
        !response.body().detail().contains('SELECT')

        and: 'a SQL bug (syntax error, code 1) is still a 500: the fault is ours, not the disk'
        handler.handle(HttpRequest.GET('/x'), new RuntimeException(new SQLException('syntax', null, 1))).status.code == 500
    }
}
