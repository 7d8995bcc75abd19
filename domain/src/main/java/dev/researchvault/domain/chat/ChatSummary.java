package dev.researchvault.domain.chat;

/** A chat as lists show it: with the number of its messages. */
public record ChatSummary(Chat chat, long messageCount) {
}
