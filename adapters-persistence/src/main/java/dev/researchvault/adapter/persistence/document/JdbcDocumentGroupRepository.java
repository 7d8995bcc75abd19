package dev.researchvault.adapter.persistence.document;

import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.VaultStatements;
import dev.researchvault.adapter.persistence.vault.SqliteErrors;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.DocumentGroup;
import dev.researchvault.domain.document.DocumentGroupRepository;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link DocumentGroupRepository} in the bound user's {@code vault.db}. Unique names are the unique index
 * {@code idx_document_group_name} ({@code COLLATE NOCASE}): the write that would repeat a name fails as a
 * statement and becomes {@code document-group.name-taken}; asking first would leave a window between question and
 * write. A group's document count is counted on the member table's primary key (group_id, document_id) as each
 * group is read: one index range per group, no counter to keep in step.
 */
@Singleton
final class JdbcDocumentGroupRepository implements DocumentGroupRepository {

    private static final String COLUMNS = "id, name, description, created_at, updated_at, "
            + "(SELECT COUNT(*) FROM document_group_member m WHERE m.group_id = document_group.id) AS document_count";
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.DOCUMENT_GROUPS,
            "document_group", "rowid", "created_at", COLUMNS);

    private final VaultStatements sql;
    private final NewestFirstList<DocumentGroup.Counted> newestFirst;

    JdbcDocumentGroupRepository(@Named("default") ConnectionOperations<Connection> connections) {
        this.sql = new VaultStatements(connections, "document group");
        this.newestFirst = new NewestFirstList<>(connections, LIST, JdbcDocumentGroupRepository::read);
    }

    @Override
    public void add(DocumentGroup group) {
        try {
            sql.update("INSERT INTO document_group (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    s -> {
                        s.setString(1, group.id().toString());
                        s.setString(2, group.name());
                        s.setString(3, group.description());
                        s.setString(4, SqlTimes.format(group.createdAt()));
                        s.setString(5, SqlTimes.format(group.updatedAt()));
                    });
        } catch (DataAccessException failure) {
            throw nameTakenOr(failure);
        }
    }

    @Override
    public void update(DocumentGroup group) {
        try {
            sql.update("UPDATE document_group SET name = ?, description = ?, updated_at = ? WHERE id = ?", s -> {
                s.setString(1, group.name());
                s.setString(2, group.description());
                s.setString(3, SqlTimes.format(group.updatedAt()));
                s.setString(4, group.id().toString());
            });
        } catch (DataAccessException failure) {
            throw nameTakenOr(failure);
        }
    }

    @Override
    public Optional<DocumentGroup.Counted> find(UUID id) {
        return sql.query("SELECT " + COLUMNS + " FROM document_group WHERE id = ?", s -> s.setString(1, id.toString()),
                JdbcDocumentGroupRepository::read).stream().findFirst();
    }

    @Override
    public Page<DocumentGroup.Counted> list(PageRequest page) {
        return newestFirst.page(page);
    }

    @Override
    public boolean delete(UUID id) {
        // The members' foreign key cascades: the memberships go, the documents stay.
        return sql.update("DELETE FROM document_group WHERE id = ?", s -> s.setString(1, id.toString())) > 0;
    }

    @Override
    public boolean addMember(UUID groupId, UUID documentId) {
        return sql.update("INSERT INTO document_group_member (group_id, document_id) VALUES (?, ?) "
                + "ON CONFLICT (group_id, document_id) DO NOTHING", s -> {
                    s.setString(1, groupId.toString());
                    s.setString(2, documentId.toString());
                }) > 0;
    }

    @Override
    public boolean removeMember(UUID groupId, UUID documentId) {
        return sql.update("DELETE FROM document_group_member WHERE group_id = ? AND document_id = ?", s -> {
            s.setString(1, groupId.toString());
            s.setString(2, documentId.toString());
        }) > 0;
    }

    @Override
    public long count() {
        return sql.count("SELECT row_count FROM row_count WHERE table_name = 'document_group'", s -> { });
    }

    private static DocumentGroup.Counted read(ResultSet row) throws SQLException {
        DocumentGroup group = new DocumentGroup(UUID.fromString(row.getString("id")), row.getString("name"),
                row.getString("description"), SqlTimes.parse(row.getString("created_at")),
                SqlTimes.parse(row.getString("updated_at")));
        return new DocumentGroup.Counted(group, row.getLong("document_count"));
    }

    private static RuntimeException nameTakenOr(DataAccessException failure) {
        if (SqliteErrors.isUniqueViolation(failure, "document_group.name")) {
            return new ConflictException("document-group.name-taken", "another document group has this name");
        }
        return failure;
    }
}
