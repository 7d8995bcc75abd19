package dev.researchvault.adapter.persistence.document

import dev.researchvault.adapter.persistence.sql.ListFilter
import dev.researchvault.adapter.persistence.sql.NewestFirstList
import dev.researchvault.adapter.persistence.support.QueryPlanSpec

/**
 * The statements of the document and group lists: each reads an index in list order with no sort (see
 * ResearchListPlanSpec for the shape of the cursor statements); a status filter reads the status index, the group
 * and text filters are checks on the rows the leading index finds, and a group is counted on the member table's key.
 */
class DocumentListPlanSpec extends QueryPlanSpec {

    static final NewestFirstList DOCUMENTS = new NewestFirstList(null, JdbcDocumentRepository.LIST, null)
    static final NewestFirstList GROUPS = new NewestFirstList(null, JdbcDocumentGroupRepository.LIST, null)
    static final ListFilter STATUS = ListFilter.equal('status', 'pending')
    static final ListFilter GROUP = ListFilter.where(JdbcDocumentRepository.IN_GROUP, 'g', 1)
    static final ListFilter TEXT = ListFilter.where(JdbcDocumentRepository.MATCHES_TEXT, '%x%', 2)

    def 'page numbers: with #filters it reads #plan'() {
        expect:
        plans.of(DOCUMENTS.byNumberSql(filters)).first() == plan
        plans.of(DOCUMENTS.byNumberSql(filters)).every { !it.contains('TEMP B-TREE') }

        where:
        filters          | plan
        []               | 'SCAN document USING INDEX idx_document_created_at'
        [STATUS]         | 'SEARCH document USING INDEX idx_document_status_created_at (status=?)'
        [STATUS, GROUP]  | 'SEARCH document USING INDEX idx_document_status_created_at (status=?)'
        [STATUS, TEXT]   | 'SEARCH document USING INDEX idx_document_status_created_at (status=?)'
        [TEXT]           | 'SCAN document USING INDEX idx_document_created_at'
    }

    def 'cursors: with #filters it seeks #index to the cursor twice and merges'() {
        when:
        List<String> plan = plans.of(DOCUMENTS.afterCursorSql(filters))

        then:
        plan[0] == 'MERGE (UNION ALL)'
        plan.contains("SEARCH document USING INDEX $index (${prefix}created_at=? AND rowid<?)".toString())
        plan.contains("SEARCH document USING INDEX $index (${prefix}created_at<?)".toString())
        plan.every { !it.contains('TEMP B-TREE') }

        where:
        filters         | index                            | prefix
        []              | 'idx_document_created_at'        | ''
        [STATUS]        | 'idx_document_status_created_at' | 'status=? AND '
        [STATUS, GROUP] | 'idx_document_status_created_at' | 'status=? AND '
    }

    def 'the membership check reads the member table by its key'() {
        expect:
        plans.of(DOCUMENTS.byNumberSql([GROUP])).any { it.contains('document_group_member') && it.contains('PRIMARY KEY') || it.contains('sqlite_autoindex_document_group_member_1') }
    }

    def 'groups list newest first from their time index, each counted on the member key'() {
        expect:
        plans.of(GROUPS.byNumberSql([])).first() == 'SCAN document_group USING INDEX idx_document_group_created_at'
        plans.of(GROUPS.byNumberSql([])).any { it.contains('COVERING INDEX sqlite_autoindex_document_group_member_1 (group_id=?)') || it.contains('PRIMARY KEY (group_id=?)') }
        plans.of(GROUPS.byNumberSql([])).every { !it.contains('TEMP B-TREE') }
    }

    def 'a status total counts on the status index'() {
        expect:
        plans.of(DOCUMENTS.countSql([STATUS])) == ['SEARCH document USING COVERING INDEX idx_document_status_created_at (status=?)']
    }
}
