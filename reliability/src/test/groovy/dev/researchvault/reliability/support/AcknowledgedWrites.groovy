package dev.researchvault.reliability.support

/**
 * What the crash spec's workloads share: one user's writes, one at a time, with the one in flight when the server
 * died, the count of writes the server acknowledged, and the answers that were not the expected ones.
 */
abstract class AcknowledgedWrites {

    final Api api
    final User user
    /** The write in flight until its answer arrives (each workload says what it holds). */
    List inFlight
    int writes
    final List<String> anomalies = []

    AcknowledgedWrites(Api api, User user) {
        this.api = api
        this.user = user
    }

    /**
     * The answer's JSON (true for an empty one) when it is the expected status, else null and an anomaly. An
     * answer, either way, ends the uncertainty of the write in flight: refused, it changed nothing.
     */
    protected Object write(Api.Reply reply, int expected) {
        inFlight = null
        if (reply.status != expected) {
            anomalies << "${user.name}: ${reply}".toString()
            return null
        }
        writes++
        reply.json ?: true
    }

    protected Object ok(Api.Reply reply, int expected) {
        assert reply.status == expected: reply.toString()
        reply.json
    }

    int getAcknowledgedWrites() {
        writes
    }
}
