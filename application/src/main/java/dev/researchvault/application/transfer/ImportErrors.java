package dev.researchvault.application.transfer;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.LimitExceededException;
import dev.researchvault.domain.RuleViolationException;

import java.util.List;

/** The refusals of an import; none echoes the archive's content beyond the caller's own ids. */
final class ImportErrors {

    private ImportErrors() {
    }

    static RuleViolationException malformed() {
        return new RuleViolationException("import.malformed", "the body is not a zip archive that can be read");
    }

    static RuleViolationException noManifest() {
        return new RuleViolationException("import.malformed", "the archive's first entry must be manifest.json");
    }

    static RuleViolationException unexpectedEntry() {
        return new RuleViolationException("import.unexpected-entry",
                "the archive holds an entry the export format does not have, or has it out of order");
    }

    static RuleViolationException badFile(String what) {
        return new RuleViolationException("import.invalid-file", what);
    }

    static LimitExceededException tooLarge(String what, long limit) {
        return new LimitExceededException("import.too-large", what + " is larger than the limit of " + limit + " bytes");
    }

    /** Ids taken in the vault: the first few are named (they are the caller's own), the rest counted. */
    static ConflictException conflict(List<String> first, long total) {
        return new ConflictException("import.conflict", total + " record(s) or file(s) of the archive already exist "
                + "in this vault, so nothing was imported: " + String.join(", ", first)
                + (total > first.size() ? ", …" : ""));
    }
}
