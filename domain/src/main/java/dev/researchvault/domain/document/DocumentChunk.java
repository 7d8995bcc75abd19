package dev.researchvault.domain.document;

import dev.researchvault.domain.JsonObjects;
import dev.researchvault.domain.JsonSize;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.settings.JsonNesting;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One piece of a document's extracted text, as a processing engine cut it: its position {@code index} among the
 * document's chunks, its text, and where it lies in the document's text ({@code startOffset} inclusive,
 * {@code endOffset} exclusive, in characters). The offsets are the engine's: they are checked for sense
 * ({@code 0 ≤ start ≤ end}), not against a stored text, which the engine may send later or never.
 *
 * @param metadata free JSON (page, section, …) kept verbatim
 */
public record DocumentChunk(int index, String text, long startOffset, long endOffset, Map<String, Object> metadata) {

    public static final int MAX_TEXT_LENGTH = 100_000;
    /** Chunks per document: a 1,000-page book cut in paragraphs stays well below. */
    public static final int MAX_CHUNKS = 10_000;
    public static final int MAX_METADATA_CHARS = 16 * 1024;
    private static final String INVALID = "document.invalid-chunks";

    public DocumentChunk {
        if (index < 0) {
            throw new RuleViolationException(INVALID, "a chunk index is zero or more");
        }
        Texts.required(text, MAX_TEXT_LENGTH, INVALID, "text");
        if (startOffset < 0 || endOffset < startOffset) {
            throw new RuleViolationException(INVALID, "offsets must satisfy 0 <= startOffset <= endOffset");
        }
        metadata = JsonObjects.copyOf(metadata);
        if (JsonNesting.depthOfValue(metadata) > JsonNesting.MAX_DEPTH || !JsonSize.atMost(metadata, MAX_METADATA_CHARS)) {
            throw new RuleViolationException(INVALID, "a chunk's metadata must take at most " + MAX_METADATA_CHARS
                    + " characters as JSON, nested at most " + JsonNesting.MAX_DEPTH + " levels");
        }
    }

    /**
     * {@code chunks} when they can replace a document's chunks together: at most {@value #MAX_CHUNKS}, each index
     * once.
     *
     * @throws RuleViolationException {@code document.invalid-chunks} otherwise
     */
    public static List<DocumentChunk> validSet(List<DocumentChunk> chunks) {
        if (chunks.size() > MAX_CHUNKS) {
            throw new RuleViolationException(INVALID, "a document has at most " + MAX_CHUNKS + " chunks");
        }
        Set<Integer> seen = new HashSet<>();
        for (DocumentChunk chunk : chunks) {
            if (!seen.add(chunk.index())) {
                throw new RuleViolationException(INVALID, "each chunk index may appear once");
            }
        }
        return List.copyOf(chunks);
    }
}
