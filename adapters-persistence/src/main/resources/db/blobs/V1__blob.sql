-- blobs.db: file bytes and thumbnails of chat messages, keyed "<messageId>/<index>" and "<messageId>/<index>.thumb".
CREATE TABLE blob (
    key        TEXT PRIMARY KEY,
    data       BLOB NOT NULL,
    mime       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
