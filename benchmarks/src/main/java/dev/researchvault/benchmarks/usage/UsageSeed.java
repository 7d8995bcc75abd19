package dev.researchvault.benchmarks.usage;

import dev.researchvault.adapter.persistence.settings.JdbcSettingsStore;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.agent.ExecutionStatus;
import dev.researchvault.domain.chat.Chat;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.chat.Message;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * One user's history of model calls, written through the ports in transactions of {@link #BATCH} rows (as
 * {@code Growth} does: 110,000 HTTP calls would measure the seeding, not the report): assistant messages with
 * usage spread over {@link #SPAN} in {@link #CHATS} chats, and completed executions of one agent per model,
 * also with usage. Local models report no cost, as a local engine would.
 */
final class UsageSeed {

    static final List<String> MODELS = List.of("gpt-4o", "claude-3-5-sonnet", "mistral-large", "llama3.1:8b");
    static final Duration SPAN = Duration.ofDays(90);
    private static final int CHATS = 100;
    private static final int BATCH = 5_000;
    /** Roughly an answer's length, so that the table pages hold what real messages would. */
    private static final String ANSWER = "The sources agree on the main point; ".repeat(8);

    private final RegisteredVault vault;
    private final ChatRepository chatRepository;
    private final ExecutionRepository executionRepository;
    private final Random random = new Random(14);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    UsageSeed(RegisteredVault vault) {
        this.vault = vault;
        chatRepository = vault.bean(ChatRepository.class);
        executionRepository = vault.bean(ExecutionRepository.class);
    }

    /** Seeds {@code messages} messages and {@code executions} executions, every one with usage. */
    void seed(int messages, int executions) {
        // The benchmark times the report, not the backup a login starts: the user turns automatic backups off.
        vault.inVault(() -> {
            vault.bean(JdbcSettingsStore.class).put("backup.enabled", "false");
            return null;
        });
        List<UUID> chats = vault.inTransaction(() -> IntStream.range(0, CHATS).mapToObj(i -> {
            Chat chat = Chat.create(UUID.randomUUID(), "usage chat " + i, now);
            chatRepository.add(chat);
            return chat.id();
        }).toList());
        List<Agent> agents = vault.inTransaction(() -> MODELS.stream().map(model -> {
            Agent agent = Agent.create(UUID.randomUUID(), "agent of " + model, null, model, "Find sources.", true,
                    Map.of(), now);
            vault.bean(AgentRepository.class).add(agent);
            return agent;
        }).toList());
        inBatches(messages, i -> chatRepository.addMessage(message(chats.get(i % CHATS))));
        inBatches(executions, i -> executionRepository.add(execution(agents.get(i % MODELS.size()))));
    }

    private void inBatches(int count, IntConsumer write) {
        for (int done = 0; done < count; done += BATCH) {
            int from = done;
            int to = Math.min(count, done + BATCH);
            vault.inTransaction(() -> {
                IntStream.range(from, to).forEach(write);
                return null;
            });
        }
    }

    Message message(UUID chat) {
        String model = someModel();
        return new Message(UUID.randomUUID(), chat, MessageRole.ASSISTANT, ANSWER, List.of(), someTime(), model,
                List.of(), usage(model), Map.of(), null);
    }

    private AgentExecution execution(Agent agent) {
        Instant created = someTime();
        Instant done = created.plusSeconds(2 + random.nextInt(60));
        return new AgentExecution(UUID.randomUUID(), agent.id(), agent.name(), null, ExecutionStatus.COMPLETED,
                "What changed today?", ANSWER, null, agent.model(), created, created, done, usage(agent.model()));
    }

    private String someModel() {
        return MODELS.get(random.nextInt(MODELS.size()));
    }

    /** A moment in the last {@link #SPAN}, evenly spread. */
    private Instant someTime() {
        return now.minusMillis((long) (random.nextDouble() * SPAN.toMillis()));
    }

    private TokenUsage usage(String model) {
        long prompt = 100 + random.nextInt(4_000);
        long completion = 50 + random.nextInt(1_500);
        BigDecimal cost = model.startsWith("llama") ? null : BigDecimal.valueOf(prompt * 3 + completion * 12, 6);
        return new TokenUsage(prompt, completion, cost);
    }
}
