package dev.researchvault.application.ldr

import dev.researchvault.domain.RuleViolationException
import dev.researchvault.domain.ldr.LdrApiKey
import dev.researchvault.domain.ldr.LdrDatabase
import dev.researchvault.domain.ldr.LdrDatabaseReader
import dev.researchvault.domain.ldr.LdrLogLine
import dev.researchvault.domain.ldr.LdrResearch
import dev.researchvault.domain.ldr.LdrResource
import dev.researchvault.domain.ldr.LdrSetting

import java.util.function.Consumer

/** An LDR database in memory, and the reader that opens it with one password; it remembers being closed. */
class FakeLdrDatabase implements LdrDatabase, LdrDatabaseReader {

    String password = 'ldr password'
    List<LdrResearch> research = []
    List<LdrResource> resources = []
    List<LdrLogLine> logs = []
    List<LdrSetting> settings = []
    List<LdrApiKey> apiKeys = []
    /** Thrown by {@link #logs} once the lines are handed over: a file damaged half-way. */
    RuntimeException failureAfterLogs
    boolean closed

    @Override
    LdrDatabase open(byte[] database, byte[] salt, char[] offered) {
        if (new String(offered) != password) {
            throw new RuleViolationException('ldr.wrong-password', 'wrong')
        }
        this
    }

    @Override
    void research(Consumer<LdrResearch> each) { research.each { each.accept(it) } }

    @Override
    void resources(Consumer<LdrResource> each) { resources.each { each.accept(it) } }

    @Override
    void logs(Consumer<LdrLogLine> each) {
        logs.each { each.accept(it) }
        if (failureAfterLogs != null) {
            throw failureAfterLogs
        }
    }

    @Override
    List<LdrSetting> settings() { settings }

    @Override
    List<LdrApiKey> apiKeys() { apiKeys }

    @Override
    void close() { closed = true }
}
