package dev.researchvault.domain.search;

import java.util.List;

/**
 * A stretch of an item's text with the words a search matched: alternating plain and matched parts, so that each
 * adapter can mark them its own way (HTML marks and escapes them) and no text is ever taken for markup.
 *
 * @param parts the text in order; odd indexes (1, 3, …) are matches
 */
public record Snippet(List<String> parts) {

    public Snippet {
        parts = List.copyOf(parts);
    }
}
