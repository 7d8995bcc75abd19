-- Rebuilds `blob` with the small columns before the bytes, and adds the SHA-256 of the bytes.
--
-- Why the order matters: SQLite stores a row's columns one after the other, and a large BLOB spills into a
-- chain of overflow pages. A column stored after the BLOB can only be reached by walking (reading and
-- decrypting) that whole chain. Measured on a 10 MiB blob in an encrypted file: reading `mime` took 36 ms
-- in the V1 layout and 0.1 ms with `data` last, as fast as `length(data)`. So metadata reads (exists,
-- size, ETag checks that answer 304) no longer cost a full decryption of the file.
--
-- `sha256` (64 lower-case hex digits) is computed once on save and gives downloads a strong ETag without
-- hashing on every request. It is NULL only for rows carried over from V1; the adapter fills it in the first
-- time such a row is read.
CREATE TABLE blob_v2 (
    key        TEXT PRIMARY KEY,
    mime       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT,
    created_at TEXT NOT NULL,
    data       BLOB NOT NULL
);

INSERT INTO blob_v2 (key, mime, size, sha256, created_at, data)
SELECT key, mime, size, NULL, created_at, data FROM blob;

DROP TABLE blob;

ALTER TABLE blob_v2 RENAME TO blob;
