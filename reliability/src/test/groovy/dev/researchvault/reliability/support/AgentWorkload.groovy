package dev.researchvault.reliability.support

import java.util.concurrent.ThreadLocalRandom

/**
 * One user's traffic on the issue 14 endpoints, for the crash spec: agents created, executions moved from pending
 * to running to completed (the final output and usage in the same PATCH as the status), log lines appended to
 * an execution, and messages posted, edited and deleted in a chat of their own. Its ledger holds every write the
 * server acknowledged and, since one thread drives a user, the one write in flight when the server died: its
 * outcome is unknown, so the server may hold it whole or not at all, but never in part.
 *
 * {@link #problems} reads the user's data back and lists what breaks that rule; {@link #settle} then takes the
 * server's word for the write that was in flight, so the next round's traffic starts from what is there.
 */
class AgentWorkload extends AcknowledgedWrites {

    static final List<String> STATUSES = ['pending', 'running', 'completed']

    String agentId
    String chatId
    String logExecutionId

    /** Agents by name, as sent: name → [model, systemPrompt]; acknowledged ones also in {@link #agentIds}. */
    final Map<String, Map> agentsSent = [:]
    final Map<String, String> agentIds = [:]   // acknowledged: id → name
    /** Executions acknowledged: id → status acknowledged; the input of each one sent. */
    final Map<String, String> executions = [:]
    final Set<String> inputsSent = []
    final List<String> logLines = []
    /** Messages acknowledged: id → content acknowledged; ids whose delete was acknowledged. */
    final Map<String, String> messages = [:]
    final Set<String> deleted = []
    final Set<String> contentsSent = []
    // the write in flight (inFlight) is [kind, id, value]

    AgentWorkload(Api api, User user) {
        super(api, user)
    }

    /** The agent, the running execution that takes the log lines, and the chat; made while the server is up. */
    void prepare() {
        createAgent()
        agentId = agentIds.keySet().first()
        chatId = ok(api.post('/api/v1/chats', [title: 'edits'], user.token), 201).id
        logExecutionId = startExecution()
        advance(logExecutionId)
        assert executions[logExecutionId] == 'running' && anomalies.isEmpty(): anomalies
    }

    /** One write on the new endpoints. */
    void step() {
        switch (ThreadLocalRandom.current().nextInt(7)) {
            case 0: createAgent(); break
            case 1: startExecution(); break
            case 2: advance(someOf(executions.findAll { it.value != 'completed' && it.key != logExecutionId }.keySet())); break
            case 3: appendLog(); break
            case 4: postMessage(); break
            case 5: editMessage(someOf(messages.keySet())); break
            default: deleteMessage(someOf(messages.keySet()))
        }
    }

    private void createAgent() {
        String name = "agent ${UUID.randomUUID()}"
        Map body = [name: name, model: "model-${agentsSent.size() % 3}", systemPrompt: "prompt ${UUID.randomUUID()}"]
        agentsSent[name] = body
        inFlight = ['agent', null, name]
        def json = write(api.post('/api/v1/agents', body, user.token), 201)
        if (json) { agentIds[json.id as String] = name }
    }

    private String startExecution() {
        String input = "run ${UUID.randomUUID()}"
        inputsSent << input
        inFlight = ['execution', null, input]
        def json = write(api.post("/api/v1/agents/${agentId}/executions", [input: input], user.token), 201)
        if (json) { executions[json.id as String] = 'pending' }
        json?.id
    }

    /** The next status; completing reports the output and usage in the same request. */
    private void advance(String id) {
        if (id == null) { return }
        String next = STATUSES[STATUSES.indexOf(executions[id]) + 1]
        Map body = next == 'completed' ? [status: next] + finalReport(id) : [status: next]
        inFlight = ['status', id, next]
        if (write(api.patch("/api/v1/executions/${id}", body, user.token), 200)) { executions[id] = next }
    }

    /** What a completed execution holds, derived from its id so the check knows it without a ledger. */
    static Map finalReport(String id) {
        [output: "done ${id}", usage: [promptTokens: id.hashCode() & 0xffff, completionTokens: 7, costUsd: 0.0042]]
    }

    private void appendLog() {
        String message = "line ${UUID.randomUUID()}"
        inFlight = ['log', null, message]
        if (write(api.post("/api/v1/executions/${logExecutionId}/logs", [level: 'info', message: message], user.token), 201)) {
            logLines << message
        }
    }

    private void postMessage() {
        String content = "message ${UUID.randomUUID()}"
        contentsSent << content
        inFlight = ['message', null, content]
        def json = write(api.post("/api/v1/chats/${chatId}/messages", [role: 'assistant', content: content], user.token), 201)
        if (json) { messages[json.id as String] = content }
    }

    private void editMessage(String id) {
        if (id == null) { return }
        String content = "edited ${UUID.randomUUID()}"
        contentsSent << content
        inFlight = ['edit', id, content]
        if (write(api.patch("/api/v1/messages/${id}", [content: content], user.token), 200)) { messages[id] = content }
    }

    private void deleteMessage(String id) {
        if (id == null) { return }
        inFlight = ['delete', id, null]
        if (write(api.delete("/api/v1/messages/${id}", user.token), 204) != null) {
            messages.remove(id)
            deleted << id
        }
    }

    private static String someOf(Collection<String> ids) {
        ids.isEmpty() ? null : ids.toList()[ThreadLocalRandom.current().nextInt(ids.size())]
    }

    /** Acknowledged writes missing, and writes found in part, in what the server now holds (empty: none). */
    List<String> problems() {
        def found = []
        Map<String, Map> agents = pages('/api/v1/agents').collectEntries { [(it.id): it] }
        agentIds.each { id, name -> if (!agents[id]) { found << "agent ${id} lost".toString() } }
        agents.values().each { agent ->
            Map sent = agentsSent[agent.name]
            if (!sent || agent.model != sent.model || agent.systemPrompt != sent.systemPrompt) {
                found << "agent ${agent.id} holds what was never sent whole: ${agent.name}".toString()
            }
        }
        Map<String, Map> onServer = pages('/api/v1/executions').collectEntries { [(it.id): it] }
        executions.each { id, status -> found += executionProblems(id, status, onServer[id]) }
        onServer.values().findAll { !executions.containsKey(it.id) && !(it.input in inputsSent) }
                .each { found << "execution ${it.id} was never sent".toString() }
        found += logProblems()
        Map<String, String> held = pages("/api/v1/chats/${chatId}/messages").collectEntries { [(it.id): it.content] }
        messages.each { id, content ->
            if (!held.containsKey(id)) {
                if (inFlight != ['delete', id, null]) { found << "message ${id} lost".toString() }
            } else if (held[id] != content && inFlight != ['edit', id, held[id]]) {
                found << "message ${id} reads ${held[id]}, acknowledged ${content}".toString()
            }
        }
        deleted.findAll { held.containsKey(it) }.each { found << "deleted message ${it} is back".toString() }
        held.findAll { id, content -> !messages.containsKey(id) && !deleted.contains(id) && !(content in contentsSent) }
                .each { id, content -> found << "message ${id} was never sent".toString() }
        found
    }

    private List<String> executionProblems(String id, String acknowledged, Map execution) {
        if (execution == null) {
            return ["execution ${id} lost".toString()]
        }
        boolean inFlightHere = inFlight == ['status', id, execution.status]
        if (execution.status != acknowledged && !inFlightHere) {
            return ["execution ${id} is ${execution.status}, acknowledged ${acknowledged}".toString()]
        }
        Map report = execution.status == 'completed' ? finalReport(id) : [output: null, usage: null]
        boolean whole = execution.output == report.output && (report.usage == null ? execution.usage == null :
                execution.usage?.promptTokens == report.usage.promptTokens &&
                        execution.usage?.completionTokens == report.usage.completionTokens &&
                        (execution.usage?.costUsd as BigDecimal) == (report.usage.costUsd as BigDecimal))
        whole ? [] : ["execution ${id} is ${execution.status} with output ${execution.output} usage ${execution.usage}".toString()]
    }

    private List logs() {
        List lines = []
        while (true) {
            def more = ok(api.get("/api/v1/executions/${logExecutionId}/logs?after=${lines ? lines.last().sequence : 0}", user.token), 200)
            if (more.isEmpty()) { return lines }
            lines += more
        }
    }

    private List<String> logProblems() {
        List lines = logs()
        def found = []
        // Not (1..lines.size()): in Groovy 1..0 is the reversed range [1, 0], so no line at all looked like a gap.
        List expected = lines.isEmpty() ? [] : (1..lines.size()).toList()
        if (lines*.sequence != expected) { found << "log sequences have gaps: ${lines*.sequence}".toString() }
        Set<String> messages = lines*.message as Set
        logLines.findAll { !messages.contains(it) }.each { found << "log line ${it} lost".toString() }
        Set<String> known = (logLines + (inFlight?.first() == 'log' ? [inFlight[2]] : [])) as Set
        messages.findAll { !known.contains(it) }.each { found << "log line ${it} was never sent".toString() }
        found
    }

    /**
     * After {@link #problems} found none: the write in flight is taken as the server has it, so the traffic of
     * the next round asks nothing the server would rightly refuse (a second delete, a finished execution's report).
     */
    void settle() {
        agentIds.putAll(pages('/api/v1/agents').collectEntries { [(it.id): it.name] })
        pages('/api/v1/executions').each { executions[it.id as String] = it.status }
        logLines.clear()
        logLines.addAll(logs()*.message)
        Map<String, String> held = pages("/api/v1/chats/${chatId}/messages").collectEntries { [(it.id): it.content] }
        messages.keySet().findAll { !held.containsKey(it) }.each { deleted << it }
        messages.clear()
        messages.putAll(held)
        inFlight = null
    }

    private List pages(String path) {
        def items = []
        for (int page = 0; ; page++) {
            def json = ok(api.get("${path}?page=${page}&size=200", user.token), 200)
            items += json.items
            if (json.items.size() < 200) { return items }
        }
    }
}
