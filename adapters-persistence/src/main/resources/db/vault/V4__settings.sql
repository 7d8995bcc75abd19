-- vault.db: the user's settings overrides (defaults ship with the application, only changes are stored)
-- and API keys (stored only here, inside the encrypted vault).
CREATE TABLE setting_override (
    setting_key TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE api_key (
    provider     TEXT PRIMARY KEY,
    secret       TEXT NOT NULL,
    description  TEXT,
    active       INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at   TEXT NOT NULL,
    last_used_at TEXT
) WITHOUT ROWID;
