-- registry.db: who exists and how their keys are derived. No secret and no password hash lives here.
CREATE TABLE account (
    id                      TEXT PRIMARY KEY,
    username                TEXT NOT NULL,
    username_canonical      TEXT NOT NULL UNIQUE,
    created_at              TEXT NOT NULL,
    last_login_at           TEXT,
    kdf_algorithm           TEXT NOT NULL,
    kdf_memory_kib          INTEGER NOT NULL,
    kdf_iterations          INTEGER NOT NULL,
    kdf_parallelism         INTEGER NOT NULL,
    kdf_salt                BLOB NOT NULL,
    -- A password change in flight: set once the re-encrypted copies are complete, cleared once swapped in.
    pending_kdf_algorithm   TEXT,
    pending_kdf_memory_kib  INTEGER,
    pending_kdf_iterations  INTEGER,
    pending_kdf_parallelism INTEGER,
    pending_kdf_salt        BLOB
);
