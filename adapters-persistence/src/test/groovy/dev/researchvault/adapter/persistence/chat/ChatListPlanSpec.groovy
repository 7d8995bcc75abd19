package dev.researchvault.adapter.persistence.chat

import dev.researchvault.adapter.persistence.support.QueryPlans
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * The chat list, by page number or after a cursor (the same statement), reads a range of
 * {@code idx_chat_updated_at} in list order, and counts each chat's messages on their index.
 */
class ChatListPlanSpec extends Specification {

    @TempDir
    Path dir

    @AutoCleanup
    QueryPlans plans

    def 'the list searches the update time index from the cursor on, without sorting'() {
        given:
        plans = QueryPlans.onVaultSchema(dir)

        expect:
        plans.ofQuery(ChatRows, 'latestFirst') == [
                'SEARCH c USING INDEX idx_chat_updated_at (updated_at<?)',
                'CORRELATED SCALAR SUBQUERY 1',
                'SEARCH m USING COVERING INDEX idx_chat_message_chat_id_created_at (chat_id=?)',
        ]
    }
}
