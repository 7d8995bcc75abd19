package dev.researchvault.reliability.support

/** What the server holds for one workload's user, read back through the API. */
class ServerView {

    final Set<String> researchIds = []
    final Set<String> logMessages = []
    final Set<String> messageIds = []
    int reportVersion

    static ServerView of(Api api, Workload workload) {
        String token = workload.user.token
        def view = new ServerView()
        view.researchIds.addAll(pages(api, '/api/v1/research', token)*.id)
        view.messageIds.addAll(pages(api, "/api/v1/chats/${workload.chatId}/messages", token)*.id)
        long after = 0
        while (true) {
            List lines = ok(api.get("/api/v1/research/${workload.researchId}/logs?after=${after}", token))
            if (lines.isEmpty()) { break }
            view.logMessages.addAll(lines*.message)
            after = lines.last().sequence as long
        }
        def report = api.get("/api/v1/research/${workload.researchId}/report", token)
        view.reportVersion = report.status == 404 ? 0 : ok(report).version as int
        view
    }

    /** Acknowledged writes missing on the server (empty when nothing was lost). */
    List<String> missing(Workload workload) {
        def lost = []
        lost += (workload.researchIds + [workload.researchId]).findAll { !researchIds.contains(it) }.collect { "research ${it}" }
        lost += workload.logMessages.findAll { !logMessages.contains(it) }.collect { "log line ${it}" }
        lost += workload.messages.keySet().findAll { !messageIds.contains(it) }.collect { "message ${it}" }
        if (reportVersion < workload.reportPuts) {
            lost << "report version ${reportVersion} < ${workload.reportPuts} acknowledged puts".toString()
        }
        lost
    }

    private static List pages(Api api, String path, String token) {
        def items = []
        for (int page = 0; ; page++) {
            def json = ok(api.get("${path}?page=${page}&size=200", token))
            items += json.items
            if (json.items.size() < 200) { return items }
        }
    }

    private static Object ok(Api.Reply reply) {
        assert reply.status == 200: reply.toString()
        reply.json
    }
}
