package dev.researchvault.domain.ldr;

import java.util.List;
import java.util.function.Consumer;

/**
 * An opened LDR database, read row by row so that memory does not grow with its size. Tables or columns an
 * older LDR version lacks read as nothing or as null. Errors of the file itself surface as unchecked
 * exceptions of the adapter ({@code ldr.not-a-database} when it turns out damaged half-way).
 */
public interface LdrDatabase extends AutoCloseable {

    /** Every research of the research history, in creation order. */
    void research(Consumer<LdrResearch> each);

    /** Every resource (source) of every research, by research, then in the order LDR stored them. */
    void resources(Consumer<LdrResource> each);

    /** Every log line tied to a research, by research, then in time order. */
    void logs(Consumer<LdrLogLine> each);

    /** The values of LDR's settings table, whatever their key. */
    List<LdrSetting> settings();

    /** The rows of LDR's dedicated API-key table (empty in the versions that keep keys only as settings). */
    List<LdrApiKey> apiKeys();

    /** Closes the database and deletes its temporary copy. Idempotent. */
    @Override
    void close();
}
