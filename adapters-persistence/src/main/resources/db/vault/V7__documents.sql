-- vault.db: the document library (issue 15). A document's bytes are a blob in blobs.db under <document id>/0,
-- never here; this file keeps what describes it, what was extracted from it, and the groups it is in. Times as
-- in V2 (sortable ISO-8601 text, milliseconds, UTC).

CREATE TABLE document (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    authors     TEXT,
    year        INTEGER,
    source_url  TEXT,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL CHECK (size >= 0),
    sha256      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    error       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- The list: newest first, and by processing status (Maestro's documents.processing_status), which a processing
-- engine polls for pending work.
CREATE INDEX idx_document_created_at ON document (created_at);
CREATE INDEX idx_document_status_created_at ON document (status, created_at);

-- The extracted text, apart from the row: lists never read it, and a long text spills into overflow pages that
-- every read of the row would otherwise decrypt.
CREATE TABLE document_text (
    document_id TEXT PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
    text        TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE document_chunk (
    document_id  TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    chunk_index  INTEGER NOT NULL CHECK (chunk_index >= 0),
    text         TEXT NOT NULL,
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),
    metadata     TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (document_id, chunk_index)
);

CREATE TABLE document_group (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- Names are unique per user (this file is one user's), compared as SQLite's NOCASE does: ASCII letters only.
CREATE UNIQUE INDEX idx_document_group_name ON document_group (name COLLATE NOCASE);
CREATE INDEX idx_document_group_created_at ON document_group (created_at);

-- Many to many. The primary key answers a group's members (count, list filter); the second index a document's
-- groups (every document answer names them) and the cascade of a document's deletion.
CREATE TABLE document_group_member (
    group_id    TEXT NOT NULL REFERENCES document_group (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, document_id)
) WITHOUT ROWID;
CREATE INDEX idx_document_group_member_document ON document_group_member (document_id, group_id);

-- Row counts (see V5) of the two lists that answer a total on every page.
INSERT INTO row_count (table_name, row_count) VALUES ('document', 0);
INSERT INTO row_count (table_name, row_count) VALUES ('document_group', 0);

CREATE TRIGGER trg_document_counted_insert AFTER INSERT ON document
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'document';
END;

CREATE TRIGGER trg_document_counted_delete AFTER DELETE ON document
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'document';
END;

CREATE TRIGGER trg_document_group_counted_insert AFTER INSERT ON document_group
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'document_group';
END;

CREATE TRIGGER trg_document_group_counted_delete AFTER DELETE ON document_group
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'document_group';
END;
