package dev.researchvault.adapter.persistence.usage

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.usage.UsageLedgerContractSpec
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.usage.UsageGrouping
import dev.researchvault.domain.usage.UsageLedger
import dev.researchvault.domain.usage.UsageTotal
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Instant
import java.time.temporal.ChronoUnit

/** The usage contract on the real encrypted vault, recorded through the real repositories. */
class JdbcUsageLedgerSpec extends UsageLedgerContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    Chat chat = Chat.create(UUID.randomUUID(), 'usage', DAY1)

    def setup() {
        vault.newVault()
        inVault { bean(ChatRepository).add(chat) }
    }

    private <T> T bean(Class<T> type) {
        vault.context.getBean(type)
    }

    @Override
    UsageLedger ledger() {
        bean(UsageLedger)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    @Override
    void recordMessage(Instant at, String model, TokenUsage usage) {
        inVault {
            bean(ChatRepository).addMessage(new Message(UUID.randomUUID(), chat.id(), MessageRole.ASSISTANT, 'answer',
                    [], at, model, [], usage, [:], null))
        }
    }

    @Override
    void recordExecution(Instant at, String model, TokenUsage usage) {
        Agent agent = Agent.create(UUID.randomUUID(), "agent ${UUID.randomUUID()}", null, model, null, true, [:], at)
        inVault {
            bean(AgentRepository).add(agent)
            bean(ExecutionRepository).add(AgentExecution.create(UUID.randomUUID(), agent, null, 'input', at).report(null, null, usage))
        }
    }

    @Override
    void recordResearch(Instant at, TokenUsage usage) {
        inVault { bean(ResearchRepository).add(Research.create(UUID.randomUUID(), 'question', 'quick', at).withUsage(usage)) }
    }

    def 'rows written before usage was recorded (NULL columns) count for nothing'() {
        given:
        recordMessage(DAY1, 'm', new TokenUsage(5, 5, 0.5))
        vault.execute("INSERT INTO chat_message (id, chat_id, role, content, created_at) VALUES "
                + "('${UUID.randomUUID()}', '${chat.id()}', 'user', 'old', '2026-11-01T10:00:00.000Z')")
        vault.execute("INSERT INTO research (id, query, mode, status, created_at) VALUES "
                + "('${UUID.randomUUID()}', 'old', 'quick', 'pending', '2026-11-01T10:00:00.000Z')")

        expect:
        totals(DAY1, DAY3, UsageGrouping.MODEL) == [new UsageTotal('m', 5, 5, 0.5, 1)]
    }

    def 'the day sums follow every change to the calls: usage reported later or changed, edits, deletes, cascades'() {
        given: 'calls on three days, in two chats, an execution without usage yet, research with usage'
        Chat other = Chat.create(UUID.randomUUID(), 'other', DAY1)
        inVault { bean(ChatRepository).add(other) }
        Message kept = message(chat, DAY1, 'a', new TokenUsage(1, 2, 0.000003))
        Message deleted = message(chat, DAY2, null, new TokenUsage(4, 5, null))
        message(other, DAY2, 'a', new TokenUsage(6, 7, 0.000008))
        message(other, DAY3, 'b', new TokenUsage(9, 10, 0.000011))
        Agent agent = vault.stored(Agent.create(UUID.randomUUID(), 'agent', null, 'b', null, true, [:], DAY1))
        AgentExecution execution = AgentExecution.create(UUID.randomUUID(), agent, null, 'input', DAY2)
        Research research = Research.create(UUID.randomUUID(), 'question', 'quick', DAY3).withUsage(new TokenUsage(12, 13, 0.000014))
        Research gone = Research.create(UUID.randomUUID(), 'question', 'quick', DAY1).withUsage(new TokenUsage(15, 16, null))
        inVault {
            bean(ExecutionRepository).add(execution)
            bean(ResearchRepository).add(research)
            bean(ResearchRepository).add(gone)
        }

        when:
        inVault {
            bean(ChatRepository).updateMessage(kept.edited('shorter', DAY3))
            bean(ChatRepository).deleteMessage(deleted.id())
            bean(ChatRepository).delete(other.id())
            bean(ExecutionRepository).update(execution.report('done', null, new TokenUsage(17, 18, 0.000019)))
            bean(ResearchRepository).update(research.withUsage(new TokenUsage(20, 21, null)))
            bean(ResearchRepository).delete(gone.id())
        }

        then: 'the sums are those of the calls now stored'
        daySums() == vault.rows(CALLS_BY_DAY)
        daySums() == [['2026-11-01', 1, 'a', 1, 2, 3, 1], ['2026-11-02', 1, 'b', 17, 18, 19, 1],
                      ['2026-11-03', 0, '', 20, 21, 0, 1]]

        and: 'the report over whole days reads them'
        totals(DAY1.minusSeconds(36_000), DAY3.plus(1, ChronoUnit.DAYS), UsageGrouping.MODEL) == [
                new UsageTotal(null, 20, 21, 0, 1), new UsageTotal('a', 1, 2, 0.000003, 1),
                new UsageTotal('b', 17, 18, 0.000019, 1)]
    }

    def 'a range of whole days and partial ones counts each call once: #from to #to'() {
        given: 'a call every six hours from 2026-10-31 to 2026-11-04'
        Instant start = Instant.parse('2026-10-31T00:00:00Z')
        (0..<20).each { recordMessage(start.plus(6 * it, ChronoUnit.HOURS), 'm', new TokenUsage(1, 0, 0.000001)) }

        expect:
        totals(Instant.parse(from), Instant.parse(to), UsageGrouping.MODEL)*.calls() == (calls ? [calls] : [])
        totals(Instant.parse(from), Instant.parse(to), UsageGrouping.DAY)*.calls().sum() == (calls ?: null)

        where:
        from                       | to                         || calls
        '2026-10-31T00:00:00Z'     | '2026-11-05T00:00:00Z'     || 20
        '2026-10-31T06:00:00Z'     | '2026-11-04T06:00:00Z'     || 16
        '2026-10-31T06:00:00.001Z' | '2026-11-04T06:00:00.001Z' || 16
        '2026-10-31T23:59:59.999Z' | '2026-11-02T00:00:00.001Z' || 5
        '2026-11-01T00:00:00Z'     | '2026-11-02T00:00:00Z'     || 4
        '2026-11-01T12:00:00Z'     | '2026-11-02T12:00:00Z'     || 4
        '2026-11-01T12:00:00Z'     | '2026-11-01T18:00:00Z'     || 1
        '2026-11-01T13:00:00Z'     | '2026-11-01T17:00:00Z'     || 0
    }

    /** usage_day as stored. */
    private List<List<Object>> daySums() {
        vault.rows('SELECT * FROM usage_day ORDER BY day, model_known, model')
    }

    /** What usage_day must hold: the calls stored, summed per day and model as its triggers sum them. */
    static final String CALLS_BY_DAY = """
        SELECT day, known, model, SUM(p), SUM(c), SUM(IFNULL(cost, 0)), COUNT(*) FROM (
            SELECT substr(created_at, 1, 10) AS day, model IS NOT NULL AS known, IFNULL(model, '') AS model,
                   prompt_tokens AS p, completion_tokens AS c, cost_micros AS cost
              FROM chat_message WHERE prompt_tokens IS NOT NULL
            UNION ALL SELECT substr(created_at, 1, 10), model IS NOT NULL, IFNULL(model, ''), prompt_tokens,
                   completion_tokens, cost_micros FROM agent_execution WHERE prompt_tokens IS NOT NULL
            UNION ALL SELECT substr(created_at, 1, 10), 0, '', prompt_tokens, completion_tokens, cost_micros
              FROM research WHERE prompt_tokens IS NOT NULL)
         GROUP BY day, known, model ORDER BY day, known, model"""

    private Message message(Chat of, Instant at, String model, TokenUsage usage) {
        Message message = new Message(UUID.randomUUID(), of.id(), MessageRole.ASSISTANT, 'answer', [], at, model, [],
                usage, [:], null)
        inVault { bean(ChatRepository).addMessage(message) }
        message
    }
}
