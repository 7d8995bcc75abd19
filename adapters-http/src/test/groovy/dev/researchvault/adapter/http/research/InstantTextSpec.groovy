package dev.researchvault.adapter.http.research

import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/** The hand-written time text is the JDK's, character for character, for every shape an Instant can take. */
class InstantTextSpec extends Specification {

    def "#instant is written as Instant.toString writes it to the millisecond"() {
        expect:
        InstantText.of(instant) == instant.truncatedTo(ChronoUnit.MILLIS).toString()
        PathIds.time(instant) == instant.truncatedTo(ChronoUnit.MILLIS).toString()

        where:
        instant << [Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.ofEpochMilli(1), Instant.ofEpochMilli(999),
                    Instant.ofEpochSecond(59, 999_999_999), Instant.ofEpochSecond(0, 999_999),
                    Instant.parse('2026-11-26T13:00:36.541Z'), Instant.parse('2026-11-26T13:00:36.540Z'),
                    Instant.parse('2026-11-26T13:00:36.500Z'), Instant.parse('2026-11-26T13:00:36.000001Z'),
                    Instant.parse('2024-02-29T23:59:59.999Z'), Instant.parse('2000-01-01T00:00:00Z'),
                    Instant.parse('1900-03-01T00:00:00Z'), Instant.parse('1969-12-31T23:59:59.001Z'),
                    Instant.parse('0000-01-01T00:00:00Z'), Instant.parse('0000-01-01T00:00:00Z').minusMillis(1),
                    Instant.parse('0999-12-31T23:59:59.100Z'), Instant.parse('9999-12-31T23:59:59.999Z'),
                    Instant.parse('9999-12-31T23:59:59.999Z').plusMillis(1), Instant.MAX, Instant.MIN]
    }

    def "any instant of years -100 to 10100 is written as the JDK writes it"() {
        given:
        Random random = new Random(17)
        long from = Instant.parse('-0100-01-01T00:00:00Z').epochSecond
        long to = Instant.parse('+10100-01-01T00:00:00Z').epochSecond

        expect:
        (1..100_000).every {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000))
            InstantText.of(instant) == instant.truncatedTo(ChronoUnit.MILLIS).toString()
        }
    }
}
