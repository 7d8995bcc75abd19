-- Large files in chunks, and uploads staged before a message or document takes them (issue 17).
--
-- A file above one chunk (ChunkedContent.CHUNK_SIZE, 1 MiB) keeps its `blob` row for metadata, with an empty
-- `data` and `content` naming its chunks: rows (content, seq) of `blob_chunk`, seq 0, 1, 2, ... each one chunk
-- long but the last. So no statement reads or writes more than one chunk of a file, and a range read touches only
-- the chunks it needs. Files up to one chunk stay one row with `data` inline and `content` NULL, as do all rows
-- written before this version: they read exactly as before, nothing is copied by this migration.
--
-- `content` is added at the end (ALTER TABLE cannot place it before `data`). Reading it costs nothing for rows
-- older than this version (their record ends before it, SQLite answers the default from the record header) and for
-- chunked rows (their `data` is empty); for a new inline row it means walking at most one chunk of overflow pages.
ALTER TABLE blob ADD COLUMN content TEXT;

-- The chunks of a content. A content id is a fresh UUID per save (or the upload's id), never reused, so a reader
-- that pinned one never sees bytes of another version of the file.
CREATE TABLE blob_chunk (
    content TEXT    NOT NULL,
    seq     INTEGER NOT NULL,
    data    BLOB    NOT NULL,
    PRIMARY KEY (content, seq)
);

-- Uploads received but not yet taken by a message or document. Their chunks are `blob_chunk` rows with
-- content = id, unreachable through `blob` (so never readable as a file) until a claim points a `blob` row at
-- them and deletes this row, in one transaction. `size` and `sha256` are NULL while the bytes still arrive;
-- a row left so by a crash, like an unclaimed one, is removed after `expires_at` (epoch milliseconds).
CREATE TABLE blob_upload (
    id         TEXT    PRIMARY KEY,
    mime       TEXT    NOT NULL,
    name       TEXT,
    size       INTEGER,
    sha256     TEXT,
    created_at TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE INDEX blob_upload_expiry ON blob_upload (expires_at);
