-- vault.db: writing sessions, their drafts with every version, the drafts' references; research started from a chat.
-- Times as in V2 (sortable ISO-8601 text, milliseconds, UTC). (V7 is the document library's.)

-- A session outlives the chat it was started from: the link becomes NULL.
CREATE TABLE writing_session (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    chat_id    TEXT REFERENCES chat (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The list: most recently updated first; unlinking a deleted chat.
CREATE INDEX idx_writing_session_updated_at ON writing_session (updated_at);
CREATE INDEX idx_writing_session_chat_id ON writing_session (chat_id);

-- A draft: its identity, and the number, title and time of its latest version (so the latest is found by key,
-- never by reading the versions).
CREATE TABLE draft (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES writing_session (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The drafts of a session, most recently saved first.
CREATE INDEX idx_draft_session_id_updated_at ON draft (session_id, updated_at);

-- Every version of every draft, content included. A rowid table whose primary key (draft_id, version) is its
-- own index: a save inserts one row and one index entry and rewrites nothing, whatever the number of versions
-- before it. Not WITHOUT ROWID: those keep whole rows in the key's B-tree, which SQLite advises against for rows
-- over a twentieth of a page (a draft is often 100 KiB). length is the content's, in characters, so the version
-- list never reads a content.
CREATE TABLE draft_version (
    draft_id   TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    title      TEXT NOT NULL,
    content    TEXT NOT NULL,
    length     INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);

-- document_id names a document of the library (V7) without a foreign key: the two arrive on separate branches,
-- and a deleted document is unlinked by the documents service (WritingRepository.unlinkDocument), keeping the
-- citation. research_id/resource_id are unlinked by the research service, the foreign keys are the backstop.
CREATE TABLE draft_reference (
    id          TEXT PRIMARY KEY,
    draft_id    TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    citation    TEXT NOT NULL,
    document_id TEXT,
    research_id TEXT REFERENCES research (id) ON DELETE SET NULL,
    resource_id TEXT,
    url         TEXT,
    position    INTEGER,
    created_at  TEXT NOT NULL
);
CREATE INDEX idx_draft_reference_draft_id ON draft_reference (draft_id);
CREATE INDEX idx_draft_reference_document_id ON draft_reference (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX idx_draft_reference_research_id ON draft_reference (research_id) WHERE research_id IS NOT NULL;

-- Research started from a chat; deleting the chat keeps the research (unlinked).
ALTER TABLE research ADD COLUMN chat_id TEXT REFERENCES chat (id) ON DELETE SET NULL;
CREATE INDEX idx_research_chat_id_created_at ON research (chat_id, created_at);

-- The unfiltered session list's total, as V5/V6 keep it for the other lists.
INSERT INTO row_count (table_name, row_count) VALUES ('writing_session', 0);

CREATE TRIGGER trg_writing_session_counted_insert AFTER INSERT ON writing_session
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'writing_session';
END;

CREATE TRIGGER trg_writing_session_counted_delete AFTER DELETE ON writing_session
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'writing_session';
END;
