package dev.researchvault.adapter.persistence.writing

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * Every statement of the writing lists reads its index in list order, with no sort (see ResearchListPlanSpec for
 * the shape of the cursor statements); a draft's latest version is found by the version table's key.
 */
class WritingListPlanSpec extends QueryPlanSpec {

    static final NewestFirstList SESSIONS = new NewestFirstList(null, JdbcWritingRepository.SESSIONS, null)
    static final NewestFirstList DRAFTS = new NewestFirstList(null, JdbcWritingRepository.DRAFTS, null)
    static final ListFilter OF_SESSION = ListFilter.equal('d.session_id', 's')
    static final String LATEST_VERSION =
            'SEARCH v USING INDEX sqlite_autoindex_draft_version_1 (draft_id=? AND version=?)'

    def 'sessions by page number and after a cursor read idx_writing_session_updated_at'() {
        expect:
        plans.of(SESSIONS.byNumberSql([])) == ['SCAN writing_session USING INDEX idx_writing_session_updated_at']
        plans.of(SESSIONS.afterCursorSql([])) == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH writing_session USING INDEX idx_writing_session_updated_at (updated_at=? AND rowid<?)',
                'RIGHT', 'SEARCH writing_session USING INDEX idx_writing_session_updated_at (updated_at<?)']
    }

    def 'drafts of a session read idx_draft_session_id_updated_at and their latest version by key'() {
        expect:
        plans.of(DRAFTS.byNumberSql([OF_SESSION])) == [
                'SEARCH d USING INDEX idx_draft_session_id_updated_at (session_id=?)', LATEST_VERSION]
        plans.of(DRAFTS.afterCursorSql([OF_SESSION])) == ['MERGE (UNION ALL)',
                'LEFT', 'SEARCH d USING INDEX idx_draft_session_id_updated_at (session_id=? AND updated_at=? AND rowid<?)',
                LATEST_VERSION,
                'RIGHT', 'SEARCH d USING INDEX idx_draft_session_id_updated_at (session_id=? AND updated_at<?)',
                LATEST_VERSION]
        plans.of(DRAFTS.countSql([OF_SESSION])) == ['SEARCH d USING INDEX idx_draft_session_id_updated_at (session_id=?)',
                'SEARCH v USING COVERING INDEX sqlite_autoindex_draft_version_1 (draft_id=? AND version=?)']
    }

    def 'a draft, one of its versions and its version list are found by key'() {
        expect:
        plans.of('SELECT d.id, v.content FROM draft d JOIN draft_version v ON v.draft_id = d.id AND v.version = d.version'
                + ' WHERE d.id = ?') == ['SEARCH d USING INDEX sqlite_autoindex_draft_1 (id=?)', LATEST_VERSION]
        plans.of('SELECT draft_id, version, title, length, created_at FROM draft_version'
                + ' WHERE draft_id = ? AND version <= ? ORDER BY version DESC LIMIT ?') ==
                ['SEARCH draft_version USING INDEX sqlite_autoindex_draft_version_1 (draft_id=? AND version<?)']
    }
}
