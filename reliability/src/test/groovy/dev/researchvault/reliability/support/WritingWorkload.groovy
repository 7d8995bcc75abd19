package dev.researchvault.reliability.support

import java.util.concurrent.ThreadLocalRandom

/**
 * One user's traffic on the writing endpoints, for the crash spec: a draft saved into new versions over the latest
 * acknowledged one, and references added to it. Its ledger holds the content of every acknowledged version and
 * every acknowledged citation, plus the one write in flight when the server died, which the server may hold whole
 * or not at all, never in part. {@link #problems} lists what breaks that rule; {@link #settle} then takes the
 * server's word for the write that was in flight.
 */
class WritingWorkload extends AcknowledgedWrites {

    String draftId
    /** Content of each acknowledged version: index 0 is version 1. */
    final List<String> versions = []
    final List<String> citations = []
    // the write in flight (inFlight) is [kind, value]

    WritingWorkload(Api api, User user) {
        super(api, user)
    }

    void prepare() {
        String session = ok(api.post('/api/v1/writing-sessions', [title: 'crash essay'], user.token), 201).id
        String content = "draft ${UUID.randomUUID()}"
        draftId = ok(api.post("/api/v1/writing-sessions/${session}/drafts", [title: 't', content: content], user.token), 201).id
        versions << content
    }

    /** One write: mostly a save (a 100 KiB one now and then), else a reference. */
    void step() {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            String citation = "cite ${UUID.randomUUID()}"
            inFlight = ['reference', citation]
            if (write(api.post("/api/v1/drafts/${draftId}/references", [citation: citation], user.token), 201)) {
                citations << citation
            }
        } else {
            String content = "v${versions.size() + 1} ${UUID.randomUUID()} " +
                    (ThreadLocalRandom.current().nextInt(5) == 0 ? 'x' * 100_000 : '')
            inFlight = ['save', content]
            if (write(api.put("/api/v1/drafts/${draftId}", [content: content, baseVersion: versions.size()], user.token), 200)) {
                versions << content
            }
        }
    }

    /** Acknowledged versions or references missing, or anything held in part or never sent (empty: none). */
    List<String> problems() {
        def found = []
        Map latest = ok(api.get("/api/v1/drafts/${draftId}", user.token), 200) as Map
        int expected = versions.size()
        boolean inFlightSaved = inFlight?.first() == 'save' && latest.version == expected + 1
        if (latest.version != expected && !inFlightSaved) {
            found << "draft is at version ${latest.version}, acknowledged ${expected}".toString()
        }
        List<String> all = versions + (inFlightSaved ? [inFlight[1] as String] : [])
        all.eachWithIndex { String content, int i ->
            def held = api.get("/api/v1/drafts/${draftId}/versions/${i + 1}", user.token)
            if (held.status != 200 || held.json.content != content) {
                found << "version ${i + 1} is not what was acknowledged".toString()
            }
        }
        List<String> held = ok(api.get("/api/v1/drafts/${draftId}/references", user.token), 200)*.citation
        citations.findAll { !(it in held) }.each { found << "reference ${it} lost".toString() }
        held.findAll { !(it in citations) && !(inFlight == ['reference', it]) }.each { found << "reference ${it} was never sent".toString() }
        found
    }

    void settle() {
        Map latest = ok(api.get("/api/v1/drafts/${draftId}", user.token), 200) as Map
        if (latest.version == versions.size() + 1) {
            versions << (latest.content as String)
        }
        citations.clear()
        citations.addAll(ok(api.get("/api/v1/drafts/${draftId}/references", user.token), 200)*.citation)
        inFlight = null
    }
}
