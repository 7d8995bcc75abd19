package dev.researchvault.application.account

import spock.lang.Specification

/** Failed logins of both kinds end up taking as long as the slower kind, on a clock the spec drives. */
class FailedLoginPaddingSpec extends Specification {

    long now = 0
    List<Long> slept = []
    FailedLoginPadding padding = new FailedLoginPadding({ now }, { long nanos -> slept << nanos; now += nanos })

    /** One failure that took {@code tookMs} of real work, and the total it lasted after padding. */
    long fail(boolean unknownName, long tookMs) {
        long started = padding.start()
        now += tookMs * 1_000_000
        padding.pad(unknownName, started)
        (now - started).intdiv(1_000_000)
    }

    def "when unknown names are slower, wrong passwords are padded up to them, and not the other way round"() {
        when: 'unknown names take 60 ms of work, wrong passwords 50 ms, interleaved'
        def unknown = []
        def wrong = []
        20.times {
            unknown << fail(true, 60)
            wrong << fail(false, 50)
        }

        then:
        unknown.every { it == 60 }
        wrong.every { it == 60 }
    }

    def "when wrong passwords are slower, unknown names are padded instead"() {
        expect:
        (1..10).collect { [fail(false, 80), fail(true, 50)] }.flatten().every { it == 80 }
    }

    def "padding never exceeds a second, whatever an outlier did to the average"() {
        given:
        fail(true, 10_000)

        when:
        def lasted = fail(false, 5)

        then:
        lasted == 1005
    }
}
