package dev.researchvault.bootstrap.transfer

import dev.researchvault.bootstrap.document.DocumentHttpSupport
import groovy.json.JsonSlurper

import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.zip.ZipEntry
import java.util.zip.ZipInputStream
import java.util.zip.ZipOutputStream

/** What the export and import specs share: a populated vault, archives read and written in memory. */
abstract class TransferHttpSupport extends DocumentHttpSupport {

    /** Small limits, so the specs can exceed them cheaply. */
    @Override
    Map<String, Object> extraProperties() {
        ['transfer.max-import-size': '4MB', 'transfer.max-import-expanded-size': '24MB']
    }

    /**
     * Fills a vault with one or more of every kind of record an export holds, and files (a message's file with
     * a thumbnail, a document's file). Answers the ids of what it made.
     */
    Map populate(User user, byte[] fileBytes = 'a file in a message'.bytes) {
        String t = user.token
        Map agent = post('/api/v1/agents', [name: "agent ${user.name}", model: 'gpt-test', parameters: [temperature: 1]], t).json
        Map chat = post('/api/v1/chats', [title: "chat of ${user.name}", agentId: agent.id], t).json
        Map message = post("/api/v1/chats/${chat.id}/messages", [role: 'user', content: "hello from ${user.name}",
                files: [[name: 'note.txt', mime: 'text/plain; charset=utf-8', data: base64(fileBytes),
                         thumbnail: base64('png-ish thumbnail'.bytes)]]], t).json
        post("/api/v1/chats/${chat.id}/messages", [role: 'assistant', content: 'line one\nline "two" \u2028 é',
                model: 'gpt-test', usage: [promptTokens: 3, completionTokens: 4, costUsd: 0.002]], t)
        Map research = post('/api/v1/research', [query: "research of ${user.name}", mode: 'quick', chatId: chat.id], t).json
        Map query = post("/api/v1/research/${research.id}/queries", [query: 'sub query', engine: 'web'], t).json
        post("/api/v1/research/${research.id}/resources", [[title: 'R', url: 'https://example.org/r', snippet: 's',
                sourceType: 'web', queryId: query.id]], t)
        put("/api/v1/research/${research.id}/report", [content: '# Report', format: 'markdown'], t)
        post("/api/v1/research/${research.id}/logs", [level: 'info', message: 'started', progress: 10], t)
        patch("/api/v1/research/${research.id}", [usage: [promptTokens: 10, completionTokens: 5, costUsd: 0.01]], t)
        Map execution = post("/api/v1/agents/${agent.id}/executions", [chatId: chat.id, input: 'do it'], t).json
        post("/api/v1/executions/${execution.id}/logs", [level: 'info', message: 'ran'], t)
        Map document = newDocument(user, "paper of ${user.name}")
        assert put("/api/v1/documents/${document.id}/text", [text: 'the text of the paper'], t).status == 204
        assert put("/api/v1/documents/${document.id}/chunks", [[index: 0, text: 'the text', startOffset: 0, endOffset: 8]], t).status == 204
        Map group = post('/api/v1/document-groups', [name: "group ${user.name}"], t).json
        assert put("/api/v1/document-groups/${group.id}/documents/${document.id}", null, t).status == 204
        Map session = post('/api/v1/writing-sessions', [title: 'essay', chatId: chat.id], t).json
        Map draft = post("/api/v1/writing-sessions/${session.id}/drafts", [title: 'draft', content: 'first'], t).json
        assert put("/api/v1/drafts/${draft.id}", [content: 'second', baseVersion: 1], t).status == 200
        post("/api/v1/drafts/${draft.id}/references", [citation: 'Paper 2017', documentId: document.id, researchId: research.id], t)
        assert put('/api/v1/settings/llm.model', [value: 'o3'], t).status == 200
        assert put('/api/v1/api-keys/openai', [key: 'sk-secret-of-' + user.name], t).status == 200
        [agent: agent.id, chat: chat.id, message: message.id, research: research.id, document: document.id,
         group: group.id, draft: draft.id, execution: execution.id]
    }

    /** An archive's entries in order, name to bytes. */
    static LinkedHashMap<String, byte[]> unzip(byte[] zip) {
        def entries = new LinkedHashMap<String, byte[]>()
        new ZipInputStream(new ByteArrayInputStream(zip)).withCloseable { input ->
            ZipEntry entry
            while ((entry = input.nextEntry) != null) {
                entries[entry.name] = input.readAllBytes()
            }
        }
        entries
    }

    static byte[] zip(Map<String, Object> entries) {
        def out = new ByteArrayOutputStream()
        new ZipOutputStream(out).withCloseable { zip ->
            entries.each { name, content ->
                zip.putNextEntry(new ZipEntry(name))
                zip.write(content instanceof byte[] ? content as byte[] : content.toString().getBytes('UTF-8'))
                zip.closeEntry()
            }
        }
        out.toByteArray()
    }

    static Object json(byte[] bytes) {
        new JsonSlurper().parseText(new String(bytes, 'UTF-8'))
    }

    static List<Map> lines(byte[] bytes) {
        new String(bytes, 'UTF-8').readLines().findAll { it }.collect { new JsonSlurper().parseText(it) as Map }
    }

    Reply exportOf(User user) {
        get('/api/v1/export', user.token)
    }

    Reply importInto(User user, byte[] archive, String type = 'application/zip') {
        def request = HttpRequest.newBuilder(URI.create("${server.URL}/api/v1/import"))
                .header('Content-Type', type)
                .header('Authorization', "Bearer ${user.token}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
                .build()
        new Reply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
    }
}
