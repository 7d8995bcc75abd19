-- vault.db: chats and their messages. File bytes live in blobs.db; a message keeps only their metadata
-- as a JSON array in files ([{index, name, mime, size, hasThumbnail}]). Times as in V2.
CREATE TABLE chat (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The list: most recently updated first.
CREATE INDEX idx_chat_updated_at ON chat (updated_at);

CREATE TABLE chat_message (
    id         TEXT PRIMARY KEY,
    chat_id    TEXT NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    content    TEXT NOT NULL,
    files      TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
-- Messages of a chat oldest first; also serves the per-chat count of the chat list.
CREATE INDEX idx_chat_message_chat_id_created_at ON chat_message (chat_id, created_at);
