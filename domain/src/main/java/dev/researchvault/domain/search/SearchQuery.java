package dev.researchvault.domain.search;

import dev.researchvault.domain.RuleViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user typed into search, read as terms every hit must contain: words, {@code "quoted phrases"} and
 * {@code prefix*} words. Nothing else of it has a meaning: {@code AND}, {@code OR}, {@code NEAR}, parentheses,
 * a lone {@code *} or {@code "} are words or separators, never syntax, so no input can fail the search engine.
 *
 * @param terms at least one
 */
public record SearchQuery(List<Term> terms) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;
    public static final String INVALID = "search.invalid-query";

    /**
     * One term.
     *
     * @param text   the words (one, or several for a phrase), as typed
     * @param phrase whether the words must stand together in this order
     * @param prefix whether the last word may be the start of a longer word
     */
    public record Term(String text, boolean phrase, boolean prefix) {

        /**
         * Whether the term is more than one word to the index (a phrase of several words, or a word joined by
         * {@code -}, {@code '}, {@code .} or {@code _}, which the index splits): matching it checks word positions.
         */
        public boolean severalWords() {
            return text.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c)
                    && Character.getType(c) != Character.NON_SPACING_MARK);
        }
    }

    public SearchQuery {
        terms = List.copyOf(terms);
        if (terms.isEmpty() || terms.size() > MAX_TERMS) {
            throw new RuleViolationException(INVALID, "q must hold 1 to " + MAX_TERMS + " words or phrases");
        }
    }

    /**
     * The terms of {@code text}.
     *
     * @throws RuleViolationException {@value #INVALID} when it is missing, longer than {@value #MAX_LENGTH}
     *         characters, or holds no letter or digit
     */
    public static SearchQuery parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new RuleViolationException(INVALID, "q is required, at most " + MAX_LENGTH + " characters");
        }
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '"' ? text.indexOf('"', i + 1) : -1;
            if (close > 0) {
                add(terms, text.substring(i + 1, close), true, false);
                i = close + 1;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                boolean prefix = end < text.length() && text.charAt(end) == '*';
                add(terms, text.substring(i, end), false, prefix);
                i = prefix ? end + 1 : end;
            } else {
                i++; // a separator, an unbalanced quote, a stray star or parenthesis
            }
        }
        return new SearchQuery(terms);
    }

    /** A term only when it has something to match: a phrase of punctuation alone matches nothing. */
    private static void add(List<Term> terms, String text, boolean phrase, boolean prefix) {
        String words = text.strip();
        if (words.codePoints().anyMatch(Character::isLetterOrDigit)) {
            terms.add(new Term(words, phrase, prefix));
        }
    }

    /** Letters, digits and what joins them inside a word (the index splits them again the same way). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK || c == '_'
                || c == '\'' || c == '-' || c == '.';
    }
}
