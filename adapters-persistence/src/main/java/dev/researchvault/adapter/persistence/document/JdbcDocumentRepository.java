package dev.researchvault.adapter.persistence.document;

import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.adapter.persistence.sql.LikePatterns;
import dev.researchvault.adapter.persistence.sql.ListFilter;
import dev.researchvault.adapter.persistence.sql.NewestFirstList;
import dev.researchvault.adapter.persistence.sql.SqlTimes;
import dev.researchvault.adapter.persistence.sql.VaultStatements;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageCursor;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.Document;
import dev.researchvault.domain.document.DocumentChunk;
import dev.researchvault.domain.document.DocumentFilter;
import dev.researchvault.domain.document.DocumentGroup;
import dev.researchvault.domain.document.DocumentRepository;
import dev.researchvault.domain.document.DocumentStatus;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link DocumentRepository} in the bound user's {@code vault.db} (tables of {@code V7__documents.sql}). Text and
 * chunks live in tables of their own, deleted with the document by their foreign keys' cascade.
 */
@Singleton
final class JdbcDocumentRepository implements DocumentRepository {

    static final String COLUMNS = "id, title, authors, year, source_url, mime, size, sha256, status, error, "
            + "created_at, updated_at";
    /**
     * Newest first; a status filter reads {@code idx_document_status_created_at} (and leads whenever it is given),
     * the group and text filters are checked on the rows of the index that leads.
     */
    static final NewestFirstList.Shape LIST = new NewestFirstList.Shape(PageCursor.Listing.DOCUMENTS, "document",
            "rowid", "created_at", COLUMNS);
    /** Members of a group, from the member table's primary key (group_id, document_id). */
    static final String IN_GROUP = "id IN (SELECT document_id FROM document_group_member WHERE group_id = ?)";
    static final String MATCHES_TEXT = "(title LIKE ? ESCAPE '" + LikePatterns.ESCAPE + "' OR authors LIKE ? ESCAPE '"
            + LikePatterns.ESCAPE + "')";

    private final VaultStatements sql;
    private final JsonColumns json;
    private final NewestFirstList<Document> newestFirst;

    JdbcDocumentRepository(@Named("default") ConnectionOperations<Connection> connections, JsonColumns json) {
        this.sql = new VaultStatements(connections, "document");
        this.json = json;
        this.newestFirst = new NewestFirstList<>(connections, LIST, JdbcDocumentRepository::read);
    }

    @Override
    public void add(Document document) {
        sql.update("INSERT INTO document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, document.id().toString());
            bindFields(statement, document, 2);
        });
    }

    @Override
    public void update(Document document) {
        sql.update("UPDATE document SET title = ?, authors = ?, year = ?, source_url = ?, mime = ?, size = ?, "
                + "sha256 = ?, status = ?, error = ?, created_at = ?, updated_at = ? WHERE id = ?", statement -> {
                    bindFields(statement, document, 1);
                    statement.setString(12, document.id().toString());
                });
    }

    /** Every column but the id, from parameter {@code first} on. */
    private static void bindFields(PreparedStatement statement, Document document, int first) throws SQLException {
        statement.setString(first, document.title());
        statement.setString(first + 1, document.authors());
        if (document.year() == null) {
            statement.setNull(first + 2, Types.INTEGER);
        } else {
            statement.setInt(first + 2, document.year());
        }
        statement.setString(first + 3, document.sourceUrl());
        statement.setString(first + 4, document.mime());
        statement.setLong(first + 5, document.size());
        statement.setString(first + 6, document.sha256());
        statement.setString(first + 7, document.status().wireName());
        statement.setString(first + 8, document.error());
        statement.setString(first + 9, SqlTimes.format(document.createdAt()));
        statement.setString(first + 10, SqlTimes.format(document.updatedAt()));
    }

    @Override
    public Optional<Document> find(UUID id) {
        return sql.query("SELECT " + COLUMNS + " FROM document WHERE id = ?", s -> s.setString(1, id.toString()),
                JdbcDocumentRepository::read).stream().findFirst();
    }

    @Override
    public Page<Document> list(DocumentFilter filter, PageRequest page) {
        String pattern = filter.text() == null ? null : LikePatterns.containing(filter.text());
        return newestFirst.page(page,
                ListFilter.equal("status", filter.status() == null ? null : filter.status().wireName()),
                ListFilter.where(IN_GROUP, filter.groupId() == null ? null : filter.groupId().toString(), 1),
                ListFilter.where(MATCHES_TEXT, pattern, 2));
    }

    @Override
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM document WHERE id = ?", s -> s.setString(1, id.toString())) > 0;
    }

    @Override
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.query("SELECT id FROM document WHERE id IN (" + VaultStatements.placeholders(ids.size()) + ")",
                bindIds(ids), row -> UUID.fromString(row.getString(1))));
    }

    @Override
    public Map<UUID, List<DocumentGroup.Ref>> groupsOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Membership(UUID document, DocumentGroup.Ref group) {
        }
        List<Membership> found = sql.query("SELECT m.document_id, g.id, g.name FROM document_group_member m "
                        + "JOIN document_group g ON g.id = m.group_id WHERE m.document_id IN ("
                        + VaultStatements.placeholders(ids.size()) + ") ORDER BY g.name COLLATE NOCASE, g.id",
                bindIds(ids), row -> new Membership(UUID.fromString(row.getString(1)),
                        new DocumentGroup.Ref(UUID.fromString(row.getString(2)), row.getString(3))));
        Map<UUID, List<DocumentGroup.Ref>> groups = new HashMap<>();
        found.forEach(m -> groups.computeIfAbsent(m.document(), id -> new ArrayList<>()).add(m.group()));
        return groups;
    }

    @Override
    public void putText(UUID id, String text) {
        if (text == null) {
            sql.update("DELETE FROM document_text WHERE document_id = ?", s -> s.setString(1, id.toString()));
            return;
        }
        sql.update("INSERT INTO document_text (document_id, text) VALUES (?, ?) "
                + "ON CONFLICT (document_id) DO UPDATE SET text = excluded.text", s -> {
                    s.setString(1, id.toString());
                    s.setString(2, text);
                });
    }

    @Override
    public Optional<String> text(UUID id) {
        return sql.query("SELECT text FROM document_text WHERE document_id = ?", s -> s.setString(1, id.toString()),
                row -> row.getString(1)).stream().findFirst();
    }

    @Override
    public void replaceChunks(UUID id, List<DocumentChunk> chunks) {
        String documentId = id.toString();
        sql.update("DELETE FROM document_chunk WHERE document_id = ?", s -> s.setString(1, documentId));
        sql.batch("INSERT INTO document_chunk (document_id, chunk_index, text, start_offset, end_offset, metadata) "
                + "VALUES (?, ?, ?, ?, ?, ?)", chunks, (s, chunk) -> {
                    s.setString(1, documentId);
                    s.setInt(2, chunk.index());
                    s.setString(3, chunk.text());
                    s.setLong(4, chunk.startOffset());
                    s.setLong(5, chunk.endOffset());
                    s.setString(6, json.writeObject(chunk.metadata()));
                });
    }

    @Override
    public Page<DocumentChunk> chunks(UUID id, PageRequest page) {
        String documentId = id.toString();
        List<DocumentChunk> items = sql.query("SELECT chunk_index, text, start_offset, end_offset, metadata "
                        + "FROM document_chunk WHERE document_id = ? ORDER BY chunk_index LIMIT ? OFFSET ?", s -> {
                    s.setString(1, documentId);
                    s.setInt(2, page.size());
                    s.setLong(3, page.offset());
                }, row -> new DocumentChunk(row.getInt(1), row.getString(2), row.getLong(3), row.getLong(4),
                        json.readObject(row.getString(5))));
        long total = sql.count("SELECT COUNT(*) FROM document_chunk WHERE document_id = ?", s -> s.setString(1, documentId));
        return Page.of(items, page, total);
    }

    @Override
    public long count() {
        return sql.count("SELECT row_count FROM row_count WHERE table_name = 'document'", s -> { });
    }

    private static VaultStatements.Binder bindIds(Collection<UUID> ids) {
        List<String> texts = ids.stream().map(UUID::toString).collect(Collectors.toList());
        return statement -> {
            for (int i = 0; i < texts.size(); i++) {
                statement.setString(i + 1, texts.get(i));
            }
        };
    }

    private static Document read(ResultSet row) throws SQLException {
        int year = row.getInt("year");
        Integer knownYear = row.wasNull() ? null : year;
        return new Document(UUID.fromString(row.getString("id")), row.getString("title"), row.getString("authors"),
                knownYear, row.getString("source_url"), row.getString("mime"), row.getLong("size"),
                row.getString("sha256"), DocumentStatus.fromWire(row.getString("status")), row.getString("error"),
                SqlTimes.parse(row.getString("created_at")), SqlTimes.parse(row.getString("updated_at")));
    }
}
