package dev.researchvault.reliability

import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.ServerView
import dev.researchvault.reliability.support.Workload
import spock.lang.Shared

import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * 50 users, each on its own thread, mixed reads and writes for 60 s (5 s in CI): no 5xx, no
 * "database is locked" in any answer or in the server log, and the server holds exactly the writes the
 * clients saw acknowledged (no lost update of the report's version either).
 */
class LoadSpec extends ReliabilitySpec {

    static final int USERS = 50
    static final long SECONDS = LONG ? 60 : 5

    @Shared List<Workload> workloads = []

    def setupSpec() {
        startServer()
        USERS.times { workloads << new Workload(api, newUser('load'), false) }
        workloads*.prepare()
    }

    def "50 users for a while: no 5xx, nothing locked, nothing lost"() {
        when:
        long started = System.nanoTime()
        runTraffic()
        double seconds = (System.nanoTime() - started) / 1e9

        then: 'every answer was the expected one'
        def anomalies = workloads.collectMany { it.anomalies }
        anomalies.isEmpty()

        and: 'the server log has no failed request'
        !server.log.contains('event=request.failed')

        and: "the server's counts equal the clients' counts"
        workloads.every { workload ->
            def view = ServerView.of(api, workload)
            assert view.missing(workload).isEmpty()
            assert view.researchIds.size() == workload.researchIds.size() + 1
            assert view.logMessages.size() == workload.logMessages.size()
            assert view.messageIds.size() == workload.messages.size()
            assert view.reportVersion == workload.reportPuts
            true
        }

        cleanup:
        int writes = workloads.sum { it.writes } as int
        int reads = workloads.sum { it.reads } as int
        figure "reliability.load users=${USERS} seconds=${String.format('%.1f', seconds)} writes=${writes} " +
                "reads=${reads} requestsPerSecond=${String.format('%.0f', (writes + reads) / seconds)} " +
                "anomalies=${workloads.sum { it.anomalies.size() }}"
    }

    private void runTraffic() {
        def pool = Executors.newFixedThreadPool(USERS)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS)
        def futures = workloads.collect { workload ->
            pool.submit { while (System.nanoTime() < deadline) { workload.step(true) } }
        }
        futures*.get()
        pool.shutdown()
    }
}
