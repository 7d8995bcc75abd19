package dev.researchvault.application.usage

import dev.researchvault.application.agent.InMemoryExecutionRepository
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.research.InMemoryResearchRepository
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.usage.UsageGrouping
import dev.researchvault.domain.usage.UsageLedger
import dev.researchvault.domain.usage.UsageTotal

import java.time.Instant
import java.time.ZoneOffset

/** {@link UsageLedger} summed over the in-memory fakes of the three places usage is recorded. */
class InMemoryUsageLedger implements UsageLedger {

    final InMemoryChatRepository chats
    final InMemoryExecutionRepository executions
    final InMemoryResearchRepository research

    InMemoryUsageLedger(InMemoryChatRepository chats, InMemoryExecutionRepository executions,
                        InMemoryResearchRepository research) {
        this.chats = chats
        this.executions = executions
        this.research = research
    }

    /** One recorded call: when, by which model, at what usage. */
    private static class Call {
        Instant at
        String model
        TokenUsage usage
    }

    @Override
    List<UsageTotal> totals(Instant from, Instant to, UsageGrouping grouping) {
        List<Call> calls = chats.allMessages().collect { new Call(at: it.createdAt(), model: it.model(), usage: it.usage()) } +
                executions.all().collect { new Call(at: it.createdAt(), model: it.model(), usage: it.usage()) } +
                research.all().collect { new Call(at: it.createdAt(), model: null, usage: it.usage()) }
        calls.findAll { it.usage != null && !it.at.isBefore(from) && it.at.isBefore(to) }
                .groupBy { grouping == UsageGrouping.MODEL ? it.model : it.at.atOffset(ZoneOffset.UTC).toLocalDate().toString() }
                .collect { key, group ->
                    new UsageTotal(key, group.sum { it.usage.promptTokens() } as long, group.sum { it.usage.completionTokens() } as long,
                            group.sum(BigDecimal.ZERO) { it.usage.costUsd() ?: BigDecimal.ZERO } as BigDecimal, group.size())
                }
                .sort { a, b -> a.key() == b.key() ? 0 : a.key() == null ? -1 : b.key() == null ? 1 : a.key() <=> b.key() }
    }
}
