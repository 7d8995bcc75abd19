package dev.researchvault.domain.search;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.WireNames;
import java.util.EnumSet;
import java.util.Set;

/** What a search hit is: the kinds of items the vault's search index covers. */
public enum SearchKind {
    RESEARCH, CHAT, MESSAGE, AGENT, EXECUTION, DOCUMENT, DRAFT;

    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * The kinds a comma-separated {@code kinds} parameter names; all of them when it is null or blank.
     *
     * @throws RuleViolationException {@code search.invalid-kind} for a name that is no kind
     */
    public static Set<SearchKind> parseAll(String kinds) {
        if (kinds == null || kinds.isBlank()) {
            return EnumSet.allOf(SearchKind.class);
        }
        Set<SearchKind> parsed = EnumSet.noneOf(SearchKind.class);
        for (String name : kinds.split(",", -1)) {
            parsed.add(fromWire(name.strip()));
        }
        return parsed;
    }

    private static SearchKind fromWire(String name) {
        return WireNames.parse(values(), name, "search.invalid-kind", "kinds must name some of "
                + EnumSet.allOf(SearchKind.class).stream().map(SearchKind::wireName).toList());
    }
}
