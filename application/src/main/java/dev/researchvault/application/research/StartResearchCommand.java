package dev.researchvault.application.research;

/** Input of {@link ManageResearchUseCase#start}: checked by the domain when the research is created. */
public record StartResearchCommand(String query, String mode) {
}
