package dev.researchvault.adapter.persistence.sql

import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import spock.lang.Specification

/** The hand-written fast path must agree with java.time on every instant, and fall back to it otherwise. */
class SqlTimesSpec extends Specification {

    static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)

    def "formats and parses 20,000 random instants of years 0 to 9999 exactly as java.time does"() {
        given:
        def random = new Random(7)
        def lowest = Instant.parse('0000-01-01T00:00:00Z').epochSecond
        def highest = Instant.parse('9999-12-31T23:59:59Z').epochSecond

        expect:
        (1..20_000).every {
            def instant = Instant.ofEpochSecond(lowest + (long) (random.nextDouble() * (highest - lowest)),
                    random.nextInt(1000) * 1_000_000L)
            def text = SqlTimes.format(instant)
            text == REFERENCE.format(instant) && SqlTimes.parse(text) == Instant.parse(text) && SqlTimes.parse(text) == instant
        }
    }

    def "edges of the day, the month and leap years: #text"() {
        expect:
        SqlTimes.parse(text) == Instant.parse(text)
        SqlTimes.format(Instant.parse(text)) == text

        where:
        text << ['1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2024-02-29T12:00:00.500Z',
                 '2000-02-29T23:59:59.001Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']
    }

    def "truncates below the millisecond, as the stored shape has three fraction digits"() {
        expect:
        SqlTimes.format(Instant.parse('2026-11-23T21:07:51.123456789Z')) == '2026-11-23T21:07:51.123Z'
    }

    def "other ISO shapes and years beyond 9999 go through java.time: #text"() {
        expect:
        SqlTimes.parse(text) == Instant.parse(text)

        where:
        text << ['2026-11-23T21:07:51Z', '2026-11-23T21:07:51.1Z', '2026-11-23T21:07:51.123456Z',
                 '+10000-01-01T00:00:00.000Z', '2016-12-31T23:59:60.000Z']
    }

    def "a year beyond 9999 is written as java.time writes it"() {
        given:
        def far = Instant.parse('+12345-06-07T08:09:10.011Z')

        expect:
        SqlTimes.format(far) == REFERENCE.format(far)
        SqlTimes.parse(SqlTimes.format(far)) == far
    }

    def "text that is no instant is refused like java.time refuses it: #text"() {
        when:
        SqlTimes.parse(text)

        then:
        thrown(DateTimeParseException)

        where:
        text << ['2026-13-23T21:07:51.123Z', '2026-02-30T21:07:51.123Z', '2026-11-23T24:07:51.123Z',
                 '2026-11-23T21:60:51.123Z', '2026-11-23 21:07:51.123Z', 'not a time at all, 24 ch', '']
    }

    def "null stays null both ways"() {
        expect:
        SqlTimes.format(null) == null
        SqlTimes.parse(null) == null
    }
}
