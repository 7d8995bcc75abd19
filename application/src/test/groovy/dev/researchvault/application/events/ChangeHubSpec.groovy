package dev.researchvault.application.events

import dev.researchvault.application.account.LoginThrottleSpec.MutableClock
import dev.researchvault.domain.account.UserId
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * The live feeds: each user's events to that user's listeners only, once each and in order; a resume gets exactly
 * what it missed from the window, or one reload when that is no longer possible — never a silent gap.
 */
class ChangeHubSpec extends Specification {

    MutableClock clock = new MutableClock(Instant.parse('2026-11-26T10:00:00Z'))
    ChangeHub hub = new ChangeHub(5, Duration.ofMinutes(5), clock)
    UserId alice = UserId.random()
    UserId bob = UserId.random()

    static ChangeEvent event(String name) {
        new ChangeEvent('research.log', UUID.randomUUID(), [message: name])
    }

    static List<String> names(List<FeedEvent> events) {
        events.collect { it.isReload() ? 'RELOAD' : it.data().message }
    }

    def "a listener gets its user's events from now on, in order, and no one else's"() {
        given:
        hub.publish(alice, event('before'))
        List<FeedEvent> seen = []
        List<FeedEvent> bobSeen = []
        hub.subscribe(alice, null, seen.&add)
        hub.subscribe(bob, null, bobSeen.&add)

        when:
        hub.publish(alice, event('a1'))
        hub.publish(bob, event('b1'))
        hub.publish(alice, event('a2'))

        then:
        names(seen) == ['a1', 'a2']
        names(bobSeen) == ['b1']
        seen*.sequence() == seen*.sequence().sort()
        seen.every { it.id() ==~ /[0-9a-f]{8}\.\d+/ }
    }

    def "a closed subscription gets nothing more"() {
        given:
        List<FeedEvent> seen = []
        def subscription = hub.subscribe(alice, null, seen.&add)

        when:
        hub.publish(alice, event('a1'))
        subscription.close()
        subscription.close()
        hub.publish(alice, event('a2'))

        then:
        names(seen) == ['a1']
    }

    def "resuming after an event gives what came after it, then what is new"() {
        given:
        List<FeedEvent> first = []
        def subscription = hub.subscribe(alice, null, first.&add)
        ['a1', 'a2', 'a3'].each { hub.publish(alice, event(it)) }
        subscription.close()
        hub.publish(alice, event('a4'))
        hub.publish(bob, event('b1'))

        when:
        List<FeedEvent> resumed = []
        hub.subscribe(alice, first[0].id(), resumed.&add)
        hub.publish(alice, event('a5'))

        then:
        names(resumed) == ['a2', 'a3', 'a4', 'a5']
    }

    def "resuming after the newest event gives only what is new"() {
        given:
        List<FeedEvent> first = []
        hub.subscribe(alice, null, first.&add)
        hub.publish(alice, event('a1'))

        when:
        List<FeedEvent> resumed = []
        hub.subscribe(alice, first[-1].id(), resumed.&add)
        hub.publish(alice, event('a2'))

        then:
        names(resumed) == ['a2']
    }

    def "resuming past what the window still holds (#why) gives one reload, then what is new"() {
        given:
        List<FeedEvent> first = []
        hub.subscribe(alice, null, first.&add)
        hub.publish(alice, event('a1'))
        String lastSeen = first[0].id()
        ['a2', 'a3', 'a4', 'a5', 'a6', 'a7'].take(published).each { hub.publish(alice, event(it)) }
        clock.advance(age)

        when:
        List<FeedEvent> resumed = []
        hub.subscribe(alice, lastSeen, resumed.&add)
        hub.publish(alice, event('new'))

        then:
        names(resumed) == ['RELOAD', 'new']

        where:
        why                          | published | age
        'more than 5 events since'   | 6         | Duration.ZERO
        'its events are too old'     | 1         | Duration.ofMinutes(6)
    }

    def "an id from another boot, from the future or unreadable (#id) gives one reload"() {
        given:
        hub.publish(alice, event('a1'))

        when:
        List<FeedEvent> resumed = []
        hub.subscribe(alice, id, resumed.&add)

        then:
        names(resumed) == ['RELOAD']

        where:
        id << ['00000000.1', 'deadbeef.1', 'x', '', '.', 'abc.def', "${'f' * 9}.1", '99999999999999999999']
    }

    def "a feed nobody listens to is dropped once its events are old; a resume that missed one of them is a reload"() {
        given: 'a client saw a1, then went away before a2'
        List<FeedEvent> first = []
        def subscription = hub.subscribe(alice, null, first.&add)
        hub.publish(alice, event('a1'))
        subscription.close()
        hub.publish(alice, event('a2'))
        clock.advance(Duration.ofMinutes(6))

        when:
        hub.evictExpired()

        then:
        hub.heldEvents() == 0

        when:
        List<FeedEvent> resumed = []
        hub.subscribe(alice, first[0].id(), resumed.&add)

        then:
        names(resumed) == ['RELOAD']
    }

    def "random schedules: publishers, subscribers that resume and evictions racing; every listener sees its user's events once each, in order, or a reload"() {
        given: 'a window large enough that no resume in this schedule falls out of it'
        ChangeHub raced = new ChangeHub(10_000, Duration.ofHours(1), clock)
        List<UserId> users = (1..3).collect { UserId.random() }
        Map<UserId, ConcurrentLinkedQueue<Long>> published = users.collectEntries { [it, new ConcurrentLinkedQueue<Long>()] }
        def pool = Executors.newFixedThreadPool(6)
        def start = new CountDownLatch(1)
        List<Map> listeners = new java.util.concurrent.CopyOnWriteArrayList<Map>()
        long seed = System.nanoTime()
        Map<UserId, List<FeedEvent>> witnesses = users.collectEntries { user ->
            List<FeedEvent> seen = Collections.synchronizedList([])
            raced.subscribe(user, null, seen.&add)
            [user, seen]
        }

        when: 'two publishers per user while listeners subscribe, some resuming from an event they were given'
        def publishers = users.collectMany { user ->
            (1..2).collect {
                pool.submit {
                    start.await()
                    200.times {
                        raced.publish(user, new ChangeEvent('t', UUID.randomUUID(), [:]))
                    }
                }
            }
        }
        def subscribers = (1..2).collect { worker ->
            pool.submit {
                start.await()
                def local = new Random(seed + worker)
                40.times {
                    UserId user = users[local.nextInt(users.size())]
                    List<FeedEvent> seen = Collections.synchronizedList([])
                    String resumeFrom = null
                    def earlier = listeners.findAll { it.user == user && !it.seen.isEmpty() }
                    if (!earlier.isEmpty() && local.nextBoolean()) {
                        resumeFrom = earlier[local.nextInt(earlier.size())].seen[0].id()
                    }
                    listeners << [user: user, seen: seen, from: resumeFrom]
                    raced.subscribe(user, resumeFrom, seen.&add)
                    raced.evictExpired()
                    Thread.sleep(local.nextInt(3))
                }
            }
        }
        start.countDown()
        (publishers + subscribers)*.get(30, TimeUnit.SECONDS)
        pool.shutdown()

        then: 'a witness that listened from the start saw all 400 events of its user, in order'
        users.every { user -> witnesses[user]*.sequence() == witnesses[user]*.sequence().toSorted() && witnesses[user].size() == 400 }

        and: 'every other listener saw an unbroken run of the events of its own user, no reload, and a resumed one from right after its event'
        listeners.every { listener ->
            List<Long> seen = listener.seen*.sequence()
            List<Long> all = witnesses[listener.user]*.sequence()
            if (listener.seen.any { it.isReload() }) {
                return false
            }
            if (seen.isEmpty()) {
                return true
            }
            boolean unbroken = seen == all.findAll { it >= seen.first() && it <= seen.last() }
            long from = listener.from == null ? -1 : (listener.from.split(/\./)[1] as long)
            boolean resumedRightAfter = from < 0 || seen.first() == all.find { it > from }
            unbroken && resumedRightAfter
        }
        println "ChangeHubSpec random schedule seed=$seed listeners=${listeners.size()}"
    }
}
