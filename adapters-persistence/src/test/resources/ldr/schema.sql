-- Local Deep Research's per-user database, the tables an import reads, as SQLAlchemy's create_all writes them
-- for SQLite from LDR's models (src/local_deep_research/database/models/). Read from forks of
-- LearningCircuit/local-deep-research (the upstream repository itself was not in the index searched):
--   research.py  timothybrush/local-deep-research @ b4bea6422e00c9e0c928d9b594f2d308b58ae574
--   logs.py      timothybrush/local-deep-research @ f7a741c3f046351a76b2029b3112361d5b903d66
--   settings.py  WillianVagner123/NutEV-Evidence-Engine @ 5a9ce9afc2610d49a31ccaaf48c712cea97526e6
-- One statement per line group, separated by blank lines (LdrFixture splits on them).

CREATE TABLE research_history (
    id VARCHAR(36) NOT NULL,
    query TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT,
    duration_seconds INTEGER,
    report_path TEXT,
    report_content TEXT,
    research_meta JSON,
    progress_log JSON,
    progress INTEGER,
    title TEXT,
    chat_session_id VARCHAR(36),
    step_count INTEGER DEFAULT '0' NOT NULL,
    PRIMARY KEY (id)
)

CREATE TABLE research_resources (
    id INTEGER NOT NULL,
    research_id VARCHAR(36) NOT NULL,
    title TEXT,
    url TEXT,
    content_preview TEXT,
    source_type TEXT,
    metadata JSON,
    created_at VARCHAR NOT NULL,
    document_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(research_id) REFERENCES research_history (id) ON DELETE CASCADE
)

CREATE INDEX ix_research_resources_research_id ON research_resources (research_id)

CREATE TABLE app_logs (
    id INTEGER NOT NULL,
    timestamp DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
    message TEXT NOT NULL,
    module TEXT NOT NULL,
    function TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    level VARCHAR(32) NOT NULL,
    research_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(research_id) REFERENCES research_history (id) ON DELETE CASCADE
)

CREATE TABLE settings (
    id INTEGER NOT NULL,
    key VARCHAR(255) NOT NULL,
    value JSON,
    type VARCHAR(8) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    category VARCHAR(100),
    ui_element VARCHAR(50) NOT NULL,
    options JSON,
    min_value FLOAT,
    max_value FLOAT,
    step FLOAT,
    visible BOOLEAN NOT NULL,
    editable BOOLEAN NOT NULL,
    env_var VARCHAR(255),
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
    updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
    PRIMARY KEY (id)
)

CREATE UNIQUE INDEX ix_settings_key ON settings (key)

CREATE TABLE api_keys (
    id INTEGER NOT NULL,
    provider VARCHAR(100) NOT NULL,
    key TEXT NOT NULL,
    description TEXT,
    is_active BOOLEAN,
    created_at DATETIME,
    updated_at DATETIME,
    last_used DATETIME,
    usage_count INTEGER,
    PRIMARY KEY (id)
)
