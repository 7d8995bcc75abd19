package dev.researchvault.domain

import spock.lang.Specification

/** Every refused part of one input is named, the first refusal keeps the answer it always gave. */
class FieldChecksSpec extends Specification {

    def "all parts accepted: their values, and no refusal"() {
        given:
        def checks = new FieldChecks()

        when:
        def values = [checks.check('a') { 1 }, checks.check('b') { 2 }]
        checks.requireNone()

        then:
        values == [1, 2]
    }

    def "refused parts are all named; the exception is the first refusal's"() {
        given:
        def checks = new FieldChecks()
        checks.check('name') { throw new RuleViolationException('x.invalid-name', 'bad name') }
        checks.check('fine') { 'ok' }
        checks.check('year') { throw new RuleViolationException('x.invalid-year', 'bad year') }

        when:
        checks.requireNone()

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'x.invalid-name'
        refused.message == 'bad name'
        refused.fieldErrors()*.field() == ['name', 'year']
        refused.fieldErrors()*.code() == ['x.invalid-name', 'x.invalid-year']
    }

    def "a batch names its refused items by index"() {
        when:
        Batches.mapAll([1, -1, 2, -2]) { int n -> if (n < 0) { throw new RuleViolationException('n.negative', 'negative') }; n }

        then:
        def refused = thrown(RuleViolationException)
        refused.fieldErrors()*.field() == ['1', '3']
    }

    def "a batch of accepted items maps them all, and errors other than refusals pass through"() {
        expect:
        Batches.mapAll([1, 2]) { it * 2 } == [2, 4]

        when:
        Batches.mapAll([1]) { throw new NotFoundException('x.gone', 'gone') }

        then:
        thrown(NotFoundException)
    }

    def "a value of several parts adds each refused part under its own name; one that names none, under the field"() {
        given:
        def checks = new FieldChecks()
        checks.check('status') { throw new RuleViolationException('x.invalid-status', 'bad status') }
        checks.checkAll('body') {
            throw new RuleViolationException('x.invalid-title', 'bad title', [
                    new RuleViolationException.FieldError('title', 'x.invalid-title', 'bad title'),
                    new RuleViolationException.FieldError('year', 'x.invalid-year', 'bad year')])
        }
        checks.checkAll('whole') { throw new RuleViolationException('x.invalid-whole', 'bad whole') }

        when:
        checks.requireNone()

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'x.invalid-status'
        refused.fieldErrors()*.field() == ['status', 'title', 'year', 'whole']
    }

    def "a part already refused is named once: a later check of it (say of the null it was left as) adds nothing"() {
        given:
        def checks = new FieldChecks()
        checks.check('role') { throw new RuleViolationException('x.invalid-role', 'unknown role') }
        checks.checkThat('role') { throw new RuleViolationException('x.invalid-role', 'role is required') }

        when:
        checks.requireNone()

        then:
        def refused = thrown(RuleViolationException)
        refused.message == 'unknown role'
        refused.fieldErrors()*.message() == ['unknown role']
    }

    def "checkParts answers the value when every part is accepted"() {
        expect:
        new FieldChecks().checkParts('x') { 42 } == 42
    }

    def "a failure other than a refusal ends the checks; after a refusal, the refusals are thrown instead"() {
        given:
        def checks = new FieldChecks()
        checks.check('baseVersion') { throw new RuleViolationException('x.invalid-base', 'base required') }

        when:
        checks.check('content') { throw new LimitExceededException('x.too-large', 'too large') }

        then:
        def refused = thrown(RuleViolationException)
        refused.code() == 'x.invalid-base'
        refused.fieldErrors()*.field() == ['baseVersion']

        when:
        new FieldChecks().check('content') { throw new LimitExceededException('x.too-large', 'too large') }

        then:
        thrown(LimitExceededException)
    }
}
