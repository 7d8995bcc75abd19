-- Full-text search inside the vault (docs/search.md). search_text is an FTS5 index, encrypted with the rest of
-- vault.db; search_entry says which item each of its rows stands for (its id is the FTS rowid: an explicit
-- INTEGER PRIMARY KEY, so VACUUM keeps it). Triggers keep both in step with every write, in the write's own
-- transaction; this script also indexes what a vault already holds. Titles weigh more than bodies (bm25 weights
-- in the adapter). remove_diacritics 2: "resume" finds "résumé". No prefix indexes: they made every write 30 %
-- slower and prefix queries no faster (benchmarks/search.sh, docs/benchmarks.md).
-- The triggers below repeat one shape per source table (add an entry and its text; update the text; remove both):
-- a SQLite trigger belongs to one table, and a migration is static text, so there is no way to write it once.
CREATE TABLE search_entry (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    parent_id  TEXT,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_search_entry_item ON search_entry (kind, item_id);

CREATE VIRTUAL TABLE search_text USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');

-- Research: its title (else its query), its query and its report.
CREATE TRIGGER trg_search_research_added AFTER INSERT ON research
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('research', NEW.id, NEW.created_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), COALESCE(NEW.title, NEW.query), NEW.query);
END;

CREATE TRIGGER trg_search_research_renamed AFTER UPDATE OF title ON research
BEGIN
    UPDATE search_text SET title = COALESCE(NEW.title, NEW.query)
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'research' AND item_id = NEW.id);
END;

CREATE TRIGGER trg_search_research_removed AFTER DELETE ON research
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'research' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'research' AND item_id = OLD.id;
END;

-- A report is put by an upsert: the insert or the update trigger fires.
CREATE TRIGGER trg_search_report_added AFTER INSERT ON research_report
BEGIN
    UPDATE search_text SET body = (SELECT query FROM research WHERE id = NEW.research_id) || char(10) || NEW.content
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'research' AND item_id = NEW.research_id);
END;

CREATE TRIGGER trg_search_report_changed AFTER UPDATE OF content ON research_report
BEGIN
    UPDATE search_text SET body = (SELECT query FROM research WHERE id = NEW.research_id) || char(10) || NEW.content
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'research' AND item_id = NEW.research_id);
END;

-- Chats by title; their updated_at moves with every message, and only the entry follows it.
CREATE TRIGGER trg_search_chat_added AFTER INSERT ON chat
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('chat', NEW.id, NEW.updated_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_chat_renamed AFTER UPDATE OF title ON chat
BEGIN
    UPDATE search_text SET title = NEW.title
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'chat' AND item_id = NEW.id);
END;

CREATE TRIGGER trg_search_chat_touched AFTER UPDATE OF updated_at ON chat
BEGIN
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE kind = 'chat' AND item_id = NEW.id;
END;

-- Also when a chat's delete cascades to its messages: SQLite fires the triggers of rows a foreign key deletes.
CREATE TRIGGER trg_search_chat_removed AFTER DELETE ON chat
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'chat' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'chat' AND item_id = OLD.id;
END;

-- Messages by content; their title is their chat's, read when answering (a rename then needs no reindexing).
CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), '', NEW.content);
END;

CREATE TRIGGER trg_search_message_edited AFTER UPDATE OF content ON chat_message
BEGIN
    UPDATE search_text SET body = NEW.content
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'message' AND item_id = NEW.id);
    UPDATE search_entry SET updated_at = COALESCE(NEW.edited_at, NEW.created_at)
    WHERE kind = 'message' AND item_id = NEW.id;
END;

CREATE TRIGGER trg_search_message_removed AFTER DELETE ON chat_message
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'message' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'message' AND item_id = OLD.id;
END;

-- Agents by name and description.
CREATE TRIGGER trg_search_agent_added AFTER INSERT ON agent
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('agent', NEW.id, NEW.updated_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.name, COALESCE(NEW.description, ''));
END;

CREATE TRIGGER trg_search_agent_changed AFTER UPDATE OF name, description, updated_at ON agent
BEGIN
    UPDATE search_text SET title = NEW.name, body = COALESCE(NEW.description, '')
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'agent' AND item_id = NEW.id);
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE kind = 'agent' AND item_id = NEW.id;
END;

CREATE TRIGGER trg_search_agent_removed AFTER DELETE ON agent
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'agent' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'agent' AND item_id = OLD.id;
END;

-- Executions by input and output, titled with their agent's name as it was.
CREATE TRIGGER trg_search_execution_added AFTER INSERT ON agent_execution
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('execution', NEW.id, NEW.agent_id, COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at));
    INSERT INTO search_text (rowid, title, body)
    VALUES (last_insert_rowid(), NEW.agent_name, NEW.input || char(10) || COALESCE(NEW.output, ''));
END;

CREATE TRIGGER trg_search_execution_changed AFTER UPDATE OF input, output, started_at, completed_at ON agent_execution
BEGIN
    UPDATE search_text SET body = NEW.input || char(10) || COALESCE(NEW.output, '')
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'execution' AND item_id = NEW.id);
    UPDATE search_entry SET updated_at = COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at)
    WHERE kind = 'execution' AND item_id = NEW.id;
END;

CREATE TRIGGER trg_search_execution_removed AFTER DELETE ON agent_execution
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'execution' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'execution' AND item_id = OLD.id;
END;

-- Documents by title and extracted text (their chunks are that text cut up: indexing them again would only
-- double the index).
CREATE TRIGGER trg_search_document_added AFTER INSERT ON document
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('document', NEW.id, NEW.updated_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_document_changed AFTER UPDATE OF title, updated_at ON document
BEGIN
    UPDATE search_text SET title = NEW.title
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'document' AND item_id = NEW.id);
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE kind = 'document' AND item_id = NEW.id;
END;

CREATE TRIGGER trg_search_document_removed AFTER DELETE ON document
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'document' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'document' AND item_id = OLD.id;
END;

-- The text is put by an upsert (insert or update trigger) and removed by a delete.
CREATE TRIGGER trg_search_document_text_added AFTER INSERT ON document_text
BEGIN
    UPDATE search_text SET body = NEW.text
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'document' AND item_id = NEW.document_id);
END;

CREATE TRIGGER trg_search_document_text_changed AFTER UPDATE OF text ON document_text
BEGIN
    UPDATE search_text SET body = NEW.text
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'document' AND item_id = NEW.document_id);
END;

CREATE TRIGGER trg_search_document_text_removed AFTER DELETE ON document_text
BEGIN
    UPDATE search_text SET body = ''
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'document' AND item_id = OLD.document_id);
END;

-- Drafts by their latest version: each save inserts a version, which becomes the indexed text.
CREATE TRIGGER trg_search_draft_added AFTER INSERT ON draft
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('draft', NEW.id, NEW.session_id, NEW.updated_at);
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_draft_version_added AFTER INSERT ON draft_version
BEGIN
    UPDATE search_text SET title = NEW.title, body = NEW.content
    WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'draft' AND item_id = NEW.draft_id);
    UPDATE search_entry SET updated_at = NEW.created_at WHERE kind = 'draft' AND item_id = NEW.draft_id;
END;

CREATE TRIGGER trg_search_draft_removed AFTER DELETE ON draft
BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_entry WHERE kind = 'draft' AND item_id = OLD.id);
    DELETE FROM search_entry WHERE kind = 'draft' AND item_id = OLD.id;
END;

-- What the vault already holds.
INSERT INTO search_entry (kind, item_id, updated_at) SELECT 'research', id, created_at FROM research;
INSERT INTO search_entry (kind, item_id, updated_at) SELECT 'chat', id, updated_at FROM chat;
INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    SELECT 'message', id, chat_id, COALESCE(edited_at, created_at) FROM chat_message;
INSERT INTO search_entry (kind, item_id, updated_at) SELECT 'agent', id, updated_at FROM agent;
INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    SELECT 'execution', id, agent_id, COALESCE(completed_at, started_at, created_at) FROM agent_execution;
INSERT INTO search_entry (kind, item_id, updated_at) SELECT 'document', id, updated_at FROM document;
INSERT INTO search_entry (kind, item_id, parent_id, updated_at) SELECT 'draft', id, session_id, updated_at FROM draft;

INSERT INTO search_text (rowid, title, body)
    SELECT e.id, COALESCE(r.title, r.query), r.query || COALESCE(char(10) || p.content, '')
    FROM search_entry e JOIN research r ON r.id = e.item_id LEFT JOIN research_report p ON p.research_id = r.id
    WHERE e.kind = 'research';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, c.title, '' FROM search_entry e JOIN chat c ON c.id = e.item_id WHERE e.kind = 'chat';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, '', m.content FROM search_entry e JOIN chat_message m ON m.id = e.item_id WHERE e.kind = 'message';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, a.name, COALESCE(a.description, '') FROM search_entry e JOIN agent a ON a.id = e.item_id
    WHERE e.kind = 'agent';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, x.agent_name, x.input || char(10) || COALESCE(x.output, '')
    FROM search_entry e JOIN agent_execution x ON x.id = e.item_id WHERE e.kind = 'execution';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, d.title, COALESCE(t.text, '') FROM search_entry e JOIN document d ON d.id = e.item_id
    LEFT JOIN document_text t ON t.document_id = d.id WHERE e.kind = 'document';
INSERT INTO search_text (rowid, title, body)
    SELECT e.id, v.title, v.content FROM search_entry e JOIN draft d ON d.id = e.item_id
    JOIN draft_version v ON v.draft_id = d.id AND v.version = d.version WHERE e.kind = 'draft';
