package dev.researchvault.domain.usage;

import dev.researchvault.domain.RuleViolationException;

/** How {@link UsageLedger} groups its sums: by the model that was called, or by UTC calendar day. */
public enum UsageGrouping {
    MODEL, DAY;

    /** The grouping called {@code name} on the wire ({@code model}, {@code day}); 400 for anything else. */
    public static UsageGrouping fromWire(String name) {
        if ("model".equals(name)) {
            return MODEL;
        }
        if ("day".equals(name)) {
            return DAY;
        }
        throw new RuleViolationException("usage.invalid-group", "groupBy must be model or day");
    }
}
