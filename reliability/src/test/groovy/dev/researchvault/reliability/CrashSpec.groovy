package dev.researchvault.reliability

import dev.researchvault.reliability.support.AgentWorkload
import dev.researchvault.reliability.support.Api
import dev.researchvault.reliability.support.DocumentWorkload
import dev.researchvault.reliability.support.ReliabilitySpec
import dev.researchvault.reliability.support.ServerView
import dev.researchvault.reliability.support.Workload
import dev.researchvault.reliability.support.WritingWorkload
import spock.lang.Shared
import spock.lang.Stepwise

import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * 10 users write research, log lines, report versions and chat messages (with files when the server
 * takes them), and, as often, create agents, move executions through their statuses, append execution log lines
 * and edit and delete messages, save drafts into new versions and cite in them, and upload and delete documents,
 * while the server process is SIGKILLed at a random moment; after each kill every file of every user passes
 * integrity_check, and after the restart every write the client saw acknowledged is still there, and the one write
 * in flight when the server died is there whole or not at all (AgentWorkload, WritingWorkload, DocumentWorkload). A
 * document row never exists without its bytes, and after a vacuum (which reconciles blobs first) no bytes are left
 * without their row.
 */
@Stepwise
class CrashSpec extends ReliabilitySpec {

    static final int USERS = 10
    static final int ROUNDS = LONG ? 25 : 3

    @Shared List<Workload> workloads = []
    @Shared List<AgentWorkload> agentWorkloads = []
    @Shared List<WritingWorkload> writingWorkloads = []
    @Shared List<DocumentWorkload> documentWorkloads = []
    @Shared int orphansReconciled
    @Shared int killsDuringTraffic
    @Shared int filesChecked
    @Shared int searchesChecked

    def "ten users with their own research and chat"() {
        given:
        startServer()
        boolean withFiles = FileEndpoints.supported(api, newUser('probe'))

        when:
        USERS.times { workloads << new Workload(api, newUser('crash'), withFiles) }
        workloads*.prepare()
        workloads.each { agentWorkloads << new AgentWorkload(api, it.user) }
        agentWorkloads*.prepare()
        workloads.each { writingWorkloads << new WritingWorkload(api, it.user) }
        writingWorkloads*.prepare()
        workloads.each { documentWorkloads << new DocumentWorkload(api, it.user) }

        then:
        workloads.size() == USERS
        agentWorkloads.size() == USERS
    }

    def "SIGKILL at a random moment loses no acknowledged write and corrupts no file"() {
        expect:
        ROUNDS.times { round ->
            killDuringTraffic()
            assertEveryFileIntact()
            startServer()
            assertNothingAcknowledgedIsLost()
        }

        and:
        workloads.every { it.anomalies.isEmpty() }
        agentWorkloads.every { it.anomalies.isEmpty() }
        writingWorkloads.every { it.anomalies.isEmpty() }
        documentWorkloads.every { it.anomalies.isEmpty() }
        report()
    }

    private void killDuringTraffic() {
        AtomicBoolean killed = new AtomicBoolean()
        ExecutorService pool = Executors.newFixedThreadPool(USERS)
        [workloads, agentWorkloads, writingWorkloads, documentWorkloads].transpose().each { workload, agents, writing, documents ->
            pool.submit { traffic(workload, agents, writing, documents, killed) }
        }
        // Anywhere from the logins at the start of a round to well into the writes.
        Thread.sleep(ThreadLocalRandom.current().nextLong(50, 2500))
        killed.set(true)
        server.kill()
        killsDuringTraffic++
        pool.shutdown()
        assert pool.awaitTermination(60, TimeUnit.SECONDS)
    }

    /**
     * One user's requests, one at a time: a write of the research and chat traffic, then one of the agent traffic,
     * then one of the writing traffic (a draft saved into new versions, references), then one of documents.
     */
    private void traffic(Workload workload, AgentWorkload agents, WritingWorkload writing, DocumentWorkload documents,
                         AtomicBoolean killed) {
        try {
            login(workload.user)
            while (!killed.get()) {
                workload.step(false)
                if (!killed.get()) {
                    agents.step()
                }
                if (!killed.get()) {
                    writing.step()
                }
                if (!killed.get()) {
                    documents.step()
                }
            }
        } catch (IOException | AssertionError serverGone) {
            // the process died under the request: its outcome is unknown, so it is not in the ledger
        }
    }

    private void assertEveryFileIntact() {
        workloads.each { workload ->
            ['vault.db', 'blobs.db'].each { file ->
                assert files.integrityCheck(workload.user.name, workload.user.password, file) == ['ok']
            }
        }
    }

    private void assertNothingAcknowledgedIsLost() {
        workloads.each { workload ->
            login(workload.user)
            def lost = ServerView.of(api, workload).missing(workload)
            assert lost.isEmpty(): "${workload.user.name} lost ${lost.size()} acknowledged writes: ${lost.take(5)}"
            if (workload.withFiles) {
                filesChecked += FileEndpoints.assertFilesIntact(api, workload)
            }
            searchesChecked += assertSearchFindsLatestMessages(workload)
        }
        agentWorkloads.each { agents ->
            def problems = agents.problems()
            assert problems.isEmpty(): "${agents.user.name}: ${problems.size()} writes lost or in part: ${problems.take(5)}"
            agents.settle()
        }
        writingWorkloads.each { writing ->
            def problems = writing.problems()
            assert problems.isEmpty(): "${writing.user.name}: ${problems.size()} draft writes lost or in part: ${problems.take(5)}"
            writing.settle()
        }
        documentWorkloads.each { documents ->
            def problems = documents.problems()
            assert problems.isEmpty(): "${documents.user.name}: ${problems.size()} documents lost or in part: ${problems.take(5)}"
            documents.settle()
            // The vacuum reconciles blobs first: bytes a kill left without their row (an upload between its two
            // files, a deletion between them) are gone after it, and every document still has its bytes.
            def vacuum = api.post('/api/v1/vault/vacuum', null, documents.user.token)
            assert vacuum.status == 200: vacuum.toString()
            orphansReconciled += vacuum.json.blobsRemoved as int
            def unowned = documents.unownedBlobs(files)
            assert unowned.isEmpty(): "${documents.user.name}: bytes without a row after reconciliation: ${unowned.take(5)}"
            assert documents.problems().isEmpty()
        }
    }

    /**
     * The search index is applied from a queue (docs/search.md, "The queue"): the messages acknowledged last before
     * the kill were most likely still queued, so the latest ten of each user are searched for by their own word
     * (a phrase of the UUID's parts); each must be found.
     */
    private int assertSearchFindsLatestMessages(Workload workload) {
        def latest = (workload.messageWords.entrySet() as List).takeRight(10)
        latest.each { message ->
            def reply = api.get("/api/v1/search?kinds=message&q=${URLEncoder.encode('"' + message.value + '"', 'UTF-8')}",
                    workload.user.token)
            assert reply.status == 200
            assert reply.json.items*.id == [message.key]: "${workload.user.name}: acknowledged message not found by search"
        }
        latest.size()
    }

    private void report() {
        int writes = workloads.sum { it.acknowledgedWrites } as int
        int agentWrites = agentWorkloads.sum { it.acknowledgedWrites } as int
        int executions = agentWorkloads.sum { it.executions.size() } as int
        int documentWrites = documentWorkloads.sum { it.writes } as int
        int agents = agentWorkloads.sum { it.agentIds.size() } as int
        int draftWrites = writingWorkloads.sum { it.acknowledgedWrites } as int
        figure "reliability.crash rounds=${ROUNDS} kills=${killsDuringTraffic} users=${USERS} " +
                "acknowledgedWrites=${writes} agentTrafficWrites=${agentWrites} (agents=${agents} " +
                "executions=${executions}) draftWrites=${draftWrites} documentWrites=${documentWrites} blobsReconciled=${orphansReconciled} lost=0 halfApplied=0 integrityChecks=${killsDuringTraffic * USERS * 2} " +
                "files=${workloads[0].withFiles ? filesChecked : 'not served'} searchesChecked=${searchesChecked}"
    }
}
