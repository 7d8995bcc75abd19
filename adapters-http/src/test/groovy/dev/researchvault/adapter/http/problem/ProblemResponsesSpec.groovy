package dev.researchvault.adapter.http.problem

import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.DomainException
import dev.researchvault.domain.ForbiddenException
import dev.researchvault.domain.LimitExceededException
import dev.researchvault.domain.NotFoundException
import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.StorageFullException
import dev.researchvault.domain.TooManyAttemptsException
import dev.researchvault.domain.UnauthenticatedException
import dev.researchvault.domain.UnavailableException
import spock.lang.Specification

import java.lang.reflect.Modifier
import java.time.Duration

/** Every domain error has its own HTTP status; a type added to the family without one fails here, not as a 500. */
class ProblemResponsesSpec extends Specification {

    /** DomainException and every class below it, walked through the sealed hierarchy. */
    static List<Class<?>> family(Class<?> root = DomainException) {
        [root] + (root.permittedSubclasses ?: []).collectMany { family(it) }
    }

    def "the domain's error family is closed: each type is final or sealed, so walking it finds every type"() {
        expect:
        family().every { Modifier.isFinal(it.modifiers) || it.sealed }
        family().size() == 10
    }

    def "each concrete domain error type has an explicit status, not the parent's and not a fallback"() {
        expect:
        family().findAll { !Modifier.isAbstract(it.modifiers) }
                .findAll { ProblemResponses.mappedStatus(it).isEmpty() } == []
    }

    def "#type.simpleName is #status #code, the detail being the error's message"() {
        when:
        def response = ProblemResponses.of(error)

        then:
        response.status.code == status
        response.contentType.get().toString() == 'application/problem+json'
        with(response.body()) {
            it.status() == status
            it.code() == code
            it.type() == 'https://researchvault.dev/problems/' + code
            it.title() == response.status.reason
            it.detail() == error.message
        }
        response.headers.asMap().findAll { it.key in ['Retry-After', 'WWW-Authenticate'] } == headers

        where:
        error                                                                       || status | code                 | headers
        new NotFoundException('research.not-found', 'no such research')             || 404    | 'research.not-found' | [:]
        new ConflictException('account.username-taken', 'taken')                    || 409    | 'account.username-taken' | [:]
        new RuleViolationException('page.invalid-size', 'size must be between 1 and 200') || 400 | 'page.invalid-size' | [:]
        new UnauthenticatedException('session.invalid', 'log in again')             || 401    | 'session.invalid'    | ['WWW-Authenticate': ['Bearer']]
        new TooManyAttemptsException('login.throttled', 'wait', Duration.ofMillis(1500)) || 429 | 'login.throttled'   | ['Retry-After': ['2']]
        new LimitExceededException('file.too-large', 'too large')                   || 413    | 'file.too-large'     | [:]
        new UnavailableException('vault.unavailable', 'check the integrity')        || 503    | 'vault.unavailable'  | [:]
        new UnavailableException('vault.busy', 'the vault is busy with other writes; try again shortly') || 503 | 'vault.busy' | ['Retry-After': ['1']]
        new StorageFullException()                                                  || 507    | 'storage.full'       | [:]
        new ForbiddenException('account.password-mismatch', 'the password is wrong') || 403   | 'account.password-mismatch' | [:]
        type = error.class
    }

    def "a rule violation with field errors lists each of them; one without has no errors member"() {
        given:
        def fields = [new RuleViolationException.FieldError('backup.max_count', 'settings.invalid-value', 'too large'),
                      new RuleViolationException.FieldError('2', 'research.invalid-url', 'not a URL')]

        expect:
        ProblemResponses.of(new RuleViolationException('settings.invalid-value', 'refused', fields)).body().errors()*.field() ==
                ['backup.max_count', '2']
        ProblemResponses.of(new RuleViolationException('page.invalid-size', 'size')).body().errors() == []
    }

    def "a full disk says what still works, and nothing about the failure"() {
        expect:
        ProblemResponses.of(new StorageFullException()).body().detail() ==
                "the server's disk is full: reading works, writing resumes once space is freed"
    }
}
