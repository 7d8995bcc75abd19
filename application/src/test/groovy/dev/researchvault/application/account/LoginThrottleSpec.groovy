package dev.researchvault.application.account

import dev.researchvault.domain.TooManyAttemptsException
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

class LoginThrottleSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-11-23T10:00:00Z'))
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock)

    def "a name is refused after the allowed number of failures, with the time left to wait"() {
        given:
        3.times { throttle.recordFailure('alice') }
        clock.advance(Duration.ofMinutes(5))

        when:
        throttle.checkAllowed('alice')

        then:
        def refused = thrown(TooManyAttemptsException)
        refused.code() == 'account.too-many-attempts'
        refused.retryAfter() == Duration.ofMinutes(10)
    }

    def "fewer failures, other names, and a passed window are all allowed"() {
        given:
        2.times { throttle.recordFailure('bob') }
        3.times { throttle.recordFailure('carol') }

        when:
        throttle.checkAllowed('bob')
        throttle.checkAllowed('dave')
        clock.advance(Duration.ofMinutes(15))
        throttle.checkAllowed('carol')

        then:
        noExceptionThrown()
    }

    def "a success forgets earlier failures"() {
        given:
        2.times { throttle.recordFailure('erin') }
        throttle.recordSuccess('erin')
        2.times { throttle.recordFailure('erin') }

        when:
        throttle.checkAllowed('erin')

        then:
        noExceptionThrown()
    }

    static class MutableClock extends Clock {
        Instant now

        MutableClock(Instant now) { this.now = now }

        void advance(Duration duration) { now = now + duration }

        @Override
        Instant instant() { now }

        @Override
        java.time.ZoneId getZone() { ZoneOffset.UTC }

        @Override
        Clock withZone(java.time.ZoneId zone) { this }
    }
}
