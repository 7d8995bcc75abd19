package dev.researchvault.bootstrap.agent

import dev.researchvault.bootstrap.support.VaultHttpSpec

/** What the agent, execution and usage specs share: creating agents, executions and chats of an agent. */
abstract class AgentHttpSupport extends VaultHttpSpec {

    static final String MISSING = UUID.randomUUID().toString()

    /** Creates an agent (name unique unless given) and answers it; fails the spec unless it is a 201. */
    Map newAgent(String token, Map fields = [:]) {
        Reply reply = post('/api/v1/agents', [name: uniqueName('agent'), model: 'gpt-4o'] + fields, token)
        assert reply.status == 201: reply
        reply.json as Map
    }

    /** Starts an execution of {@code agentId} and answers it; fails the spec unless it is a 201. */
    Map newExecution(String token, String agentId, Map fields = [:]) {
        Reply reply = post("/api/v1/agents/$agentId/executions", [input: 'summarise the news'] + fields, token)
        assert reply.status == 201: reply
        reply.json as Map
    }

    /** Moves an execution on by PATCH and answers it; fails the spec unless it is a 200. */
    Map report(String token, String executionId, Map body) {
        Reply reply = patch("/api/v1/executions/$executionId", body, token)
        assert reply.status == 200: reply
        reply.json as Map
    }

    /** A new chat of agent {@code agentId}; answers its id. */
    String chatOfAgent(String token, String agentId, String title = 'agent chat') {
        Reply reply = post('/api/v1/chats', [title: title, agentId: agentId], token)
        assert reply.status == 201: reply
        reply.json.id
    }
}
