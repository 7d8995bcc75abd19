-- An older shape of the same database, to prove the reader copes with what earlier LDR versions lack: the
-- research history before report_content, research_meta and title were added, no resources table, no API-key
-- table, and a settings table of key and value only. Not a verbatim copy of one release: a reduced schema.sql.

CREATE TABLE research_history (
    id VARCHAR(36) NOT NULL,
    query TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT,
    duration_seconds INTEGER,
    report_path TEXT,
    progress INTEGER,
    PRIMARY KEY (id)
)

CREATE TABLE app_logs (
    id INTEGER NOT NULL,
    timestamp DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
    message TEXT NOT NULL,
    module TEXT NOT NULL,
    function TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    level VARCHAR(32) NOT NULL,
    research_id VARCHAR(36),
    PRIMARY KEY (id)
)

CREATE TABLE settings (
    id INTEGER NOT NULL,
    key VARCHAR(255) NOT NULL,
    value JSON,
    PRIMARY KEY (id)
)
