-- vault.db: research tasks and what is recorded while they run. Times are UTC ISO-8601 text with
-- milliseconds, fixed width, so text order is time order. Deleting a research cascades to its rows
-- (foreign_keys=ON on every connection).
CREATE TABLE research (
    id           TEXT PRIMARY KEY,
    query        TEXT NOT NULL,
    mode         TEXT NOT NULL,
    status       TEXT NOT NULL,
    title        TEXT,
    progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at   TEXT NOT NULL,
    started_at   TEXT,
    completed_at TEXT,
    metadata     TEXT NOT NULL DEFAULT '{}'
);
-- The list: newest first, all or by status.
CREATE INDEX idx_research_created_at ON research (created_at);
CREATE INDEX idx_research_status_created_at ON research (status, created_at);

CREATE TABLE research_query (
    id          TEXT PRIMARY KEY,
    research_id TEXT NOT NULL REFERENCES research (id) ON DELETE CASCADE,
    query       TEXT NOT NULL,
    engine      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX idx_research_query_research_id_created_at ON research_query (research_id, created_at);

CREATE TABLE research_resource (
    id          TEXT PRIMARY KEY,
    research_id TEXT NOT NULL REFERENCES research (id) ON DELETE CASCADE,
    query_id    TEXT REFERENCES research_query (id) ON DELETE CASCADE,
    title       TEXT,
    url         TEXT NOT NULL,
    snippet     TEXT,
    source_type TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX idx_research_resource_research_id_created_at ON research_resource (research_id, created_at);
-- Deleting a query looks up its resources for the cascade.
CREATE INDEX idx_research_resource_query_id ON research_resource (query_id);

-- One row per research: only the latest text is kept, version counts the puts.
CREATE TABLE research_report (
    research_id TEXT PRIMARY KEY REFERENCES research (id) ON DELETE CASCADE,
    content     TEXT NOT NULL,
    format      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Append-only; seq numbers each research's lines 1, 2, 3…
CREATE TABLE research_log (
    id          INTEGER PRIMARY KEY,
    research_id TEXT NOT NULL REFERENCES research (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    level       TEXT NOT NULL,
    message     TEXT NOT NULL,
    progress    INTEGER CHECK (progress BETWEEN 0 AND 100),
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_research_log_research_id_seq ON research_log (research_id, seq);
