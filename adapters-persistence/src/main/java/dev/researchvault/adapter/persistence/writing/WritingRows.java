package dev.researchvault.adapter.persistence.writing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.naming.NamingStrategies;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The writing tables (V8__writing.sql), row by row: sessions as an entity, drafts and their versions by statement
 * (a draft is its {@code draft} row joined to the {@code draft_version} row of its latest version). The two lists
 * are {@link dev.researchvault.adapter.persistence.sql.NewestFirstList}s ({@link JdbcWritingRepository}).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface WritingRows extends GenericRepository<WritingRows.SessionRow, String> {

    @MappedEntity(value = "writing_session", namingStrategy = NamingStrategies.Raw.class)
    record SessionRow(@Id String id, String title, @Nullable @MappedProperty("chat_id") String chatId,
                      @MappedProperty("created_at") String createdAt, @MappedProperty("updated_at") String updatedAt) {

        /** The list's columns, read by hand: lists are plain JDBC. */
        static SessionRow read(ResultSet row) throws SQLException {
            return new SessionRow(row.getString("id"), row.getString("title"), row.getString("chat_id"),
                    row.getString("created_at"), row.getString("updated_at"));
        }
    }

    /** A draft at one version: the draft's identity with that version's title, content and time. */
    @Introspected
    record DraftRow(String id, @MappedProperty("session_id") String sessionId, String title, int version,
                    String content, @MappedProperty("created_at") String createdAt,
                    @MappedProperty("updated_at") String updatedAt) {

        static DraftRow read(ResultSet row) throws SQLException {
            return new DraftRow(row.getString("id"), row.getString("session_id"), row.getString("title"),
                    row.getInt("version"), row.getString("content"), row.getString("created_at"),
                    row.getString("updated_at"));
        }
    }

    /** A version as the version list shows it, without content. */
    @Introspected
    record VersionRow(@MappedProperty("draft_id") String draftId, int version, String title, int length,
                      @MappedProperty("created_at") String createdAt) {
    }

    @Introspected
    record ReferenceRow(String id, @MappedProperty("draft_id") String draftId, String citation,
                        @Nullable @MappedProperty("document_id") String documentId,
                        @Nullable @MappedProperty("research_id") String researchId,
                        @Nullable @MappedProperty("resource_id") String resourceId, @Nullable String url,
                        @Nullable Integer position, @MappedProperty("created_at") String createdAt) {
    }

    SessionRow save(SessionRow row);

    SessionRow update(SessionRow row);

    Optional<SessionRow> findById(String id);

    int deleteById(String id);

    @Query("UPDATE writing_session SET chat_id = NULL WHERE chat_id = :chatId")
    void unlinkChat(String chatId);

    @Query("INSERT INTO draft (id, session_id, title, version, created_at, updated_at)"
            + " VALUES (:id, :sessionId, :title, :version, :createdAt, :updatedAt)")
    void insertDraft(String id, String sessionId, String title, int version, String createdAt, String updatedAt);

    /** Moves the draft's latest version on to {@code version}. */
    @Query("UPDATE draft SET title = :title, version = :version, updated_at = :updatedAt WHERE id = :id")
    void moveDraft(String id, String title, int version, String updatedAt);

    @Query("INSERT INTO draft_version (draft_id, version, title, content, length, created_at)"
            + " VALUES (:draftId, :version, :title, :content, :length, :createdAt)")
    void insertVersion(String draftId, int version, String title, String content, int length, String createdAt);

    @Query("SELECT d.id, d.session_id, v.title, v.version, v.content, d.created_at, v.created_at AS updated_at"
            + " FROM draft d JOIN draft_version v ON v.draft_id = d.id AND v.version = d.version WHERE d.id = :id")
    Optional<DraftRow> latest(String id);

    @Query("SELECT d.id, d.session_id, v.title, v.version, v.content, d.created_at, v.created_at AS updated_at"
            + " FROM draft d JOIN draft_version v ON v.draft_id = d.id WHERE d.id = :id AND v.version = :version")
    Optional<DraftRow> atVersion(String id, int version);

    /** The versions at or below {@code top}, newest first: versions run 1…latest without gaps, so page p starts at latest − p × size. */
    @Query("SELECT draft_id, version, title, length, created_at FROM draft_version"
            + " WHERE draft_id = :draftId AND version <= :top ORDER BY version DESC LIMIT :limit")
    List<VersionRow> versionsFrom(String draftId, long top, int limit);

    @Query("DELETE FROM draft WHERE id = :id")
    int deleteDraft(String id);

    @Query("INSERT INTO draft_reference (id, draft_id, citation, document_id, research_id, resource_id, url, position,"
            + " created_at) VALUES (:id, :draftId, :citation, :documentId, :researchId, :resourceId, :url, :position,"
            + " :createdAt)")
    void insertReference(String id, String draftId, String citation, @Nullable String documentId,
                         @Nullable String researchId, @Nullable String resourceId, @Nullable String url,
                         @Nullable Integer position, String createdAt);

    /** By position, references without one last, then in the order added. */
    @Query("SELECT id, draft_id, citation, document_id, research_id, resource_id, url, position, created_at"
            + " FROM draft_reference WHERE draft_id = :draftId ORDER BY position IS NULL, position, rowid")
    List<ReferenceRow> references(String draftId);

    @Query("SELECT COUNT(*) FROM draft_reference WHERE draft_id = :draftId")
    int countReferences(String draftId);

    @Query("DELETE FROM draft_reference WHERE draft_id = :draftId AND id = :id")
    int deleteReference(String draftId, String id);

    @Query("UPDATE draft_reference SET document_id = NULL WHERE document_id = :documentId")
    void unlinkDocument(String documentId);

    @Query("UPDATE draft_reference SET research_id = NULL, resource_id = NULL WHERE research_id = :researchId")
    void unlinkResearch(String researchId);
}
