-- vault.db: facts about the vault itself (format version, when it was created).
CREATE TABLE vault_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO vault_meta (name, value) VALUES ('format', 'research-vault/1');
INSERT INTO vault_meta (name, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
