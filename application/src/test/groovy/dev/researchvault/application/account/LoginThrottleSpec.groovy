package dev.researchvault.application.account

import dev.researchvault.domain.TooManyAttemptsException
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import java.util.concurrent.Callable
import java.util.concurrent.Executors

class LoginThrottleSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-11-23T10:00:00Z'))
    LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(3, 6, Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofSeconds(2)), clock)

    /** A failed attempt, reported as the login reports it. */
    void fail(String name, String address) {
        throttle.begin(name, address).failed()
    }

    def "an address is refused for a name after the allowed failures, with the time left to wait"() {
        given:
        3.times { fail('alice', '10.0.0.1') }
        clock.advance(Duration.ofMinutes(5))

        when:
        throttle.begin('alice', '10.0.0.1')

        then:
        def refused = thrown(TooManyAttemptsException)
        refused.code() == 'account.too-many-attempts'
        refused.retryAfter() == Duration.ofMinutes(10)
    }

    def "attempts in flight count: of 60 parallel guesses only the allowed few are evaluated"() {
        given:
        def pool = Executors.newFixedThreadPool(12)

        when: 'each guess takes a while (the KDF) and fails'
        def outcomes = pool.invokeAll((1..60).collect {
            { ->
                try {
                    def attempt = throttle.begin('bob', '10.0.0.2')
                    Thread.sleep(50)
                    attempt.failed()
                    'evaluated'
                } catch (TooManyAttemptsException ignored) {
                    'refused'
                }
            } as Callable
        })*.get()

        then:
        outcomes.count('evaluated') == 3
        outcomes.count('refused') == 57

        cleanup:
        pool.shutdown()
    }

    def "right passwords beyond the allowance wait for those in flight instead of failing: eight tabs all log in"() {
        given:
        def pool = Executors.newFixedThreadPool(8)

        when:
        def outcomes = pool.invokeAll((1..8).collect {
            { ->
                def attempt = throttle.begin('bea', '10.0.0.8')
                Thread.sleep(50)
                attempt.succeeded()
                'in'
            } as Callable
        })*.get()

        then:
        outcomes == ['in'] * 8

        cleanup:
        pool.shutdown()
    }

    def "an attacker's failures slow the owner on another address down, but never lock them out"() {
        given: 'two attacker addresses spend the account-wide allowance'
        3.times { fail('carol', '10.0.0.3') }
        3.times { fail('carol', '10.0.0.4') }

        when: 'the owner tries at once from home'
        throttle.begin('carol', '192.168.1.9')

        then: 'slowed: told to wait a few seconds, not fifteen minutes'
        def slowed = thrown(TooManyAttemptsException)
        slowed.retryAfter() <= Duration.ofSeconds(5)

        when: 'after the slow-down the owner gets an attempt, and succeeds'
        clock.advance(Duration.ofSeconds(5))
        throttle.begin('carol', '192.168.1.9').succeeded()

        then:
        noExceptionThrown()

        and: 'the attackers\' addresses stay refused'
        when:
        throttle.begin('carol', '10.0.0.3')
        then:
        thrown(TooManyAttemptsException)
    }

    def "fewer failures, other names, other addresses and a passed window are all allowed"() {
        given:
        2.times { fail('dave', '10.0.0.5') }
        3.times { fail('erin', '10.0.0.5') }

        when:
        fail('dave', '10.0.0.5')
        fail('frank', '10.0.0.5')
        fail('erin', '10.0.0.6')
        clock.advance(Duration.ofMinutes(15))
        fail('erin', '10.0.0.5')

        then:
        noExceptionThrown()
    }

    def "a success forgets its address's earlier failures"() {
        given:
        2.times { fail('gina', '10.0.0.7') }
        throttle.begin('gina', '10.0.0.7').succeeded()
        2.times { fail('gina', '10.0.0.7') }

        when:
        fail('gina', '10.0.0.7')

        then:
        noExceptionThrown()
    }

    def "an attempt that ended without an answer (a 503) neither counts nor forgives"() {
        given:
        2.times { fail('hal', '10.0.0.9') }
        throttle.begin('hal', '10.0.0.9').close()

        when:
        fail('hal', '10.0.0.9')
        throttle.begin('hal', '10.0.0.9')

        then:
        thrown(TooManyAttemptsException)
    }

    static class MutableClock extends Clock {
        Instant now

        MutableClock(Instant now) {
            this.now = now
        }

        void advance(Duration duration) {
            now = now.plus(duration)
        }

        @Override
        ZoneOffset getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(java.time.ZoneId zone) {
            this
        }

        @Override
        Instant instant() {
            now
        }
    }
}
