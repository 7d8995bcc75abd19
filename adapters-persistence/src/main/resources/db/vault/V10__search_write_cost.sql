-- What the search index adds to every write, cut (issue 16; measured in docs/benchmarks.md, "Search write cost").
-- The index (search_text) and its entries (search_entry, same ids) stay as V9 built them; two things go:
-- * The unique index on search_entry (kind, item_id). Its keys are random ids, so every new item dirtied one more
--   encrypted page of it, somewhere in the middle (in a batch of 100 messages, up to 100 pages), and split them
--   often. Each indexed row now keeps its entry's id in a search_id column, written by the insert trigger onto the
--   page the insert has just dirtied; the other triggers find the entry by that id (its INTEGER PRIMARY KEY).
-- * The trigger that copied a chat's updated_at into its entry on every message: one more page per message. The
--   search adapter reads a chat's updated_at from the chat itself, as it reads a message's title; a chat entry's
--   updated_at stays as the chat was created and is not read.
-- A kind filter reads the entries of a kind through its table's search_id (SqliteSearchIndex), not an index.
-- The triggers keep V9's shape, one per source table and event (a trigger belongs to one table).

ALTER TABLE research ADD COLUMN search_id INTEGER;
ALTER TABLE chat ADD COLUMN search_id INTEGER;
ALTER TABLE chat_message ADD COLUMN search_id INTEGER;
ALTER TABLE agent ADD COLUMN search_id INTEGER;
ALTER TABLE agent_execution ADD COLUMN search_id INTEGER;
ALTER TABLE document ADD COLUMN search_id INTEGER;
ALTER TABLE draft ADD COLUMN search_id INTEGER;

UPDATE research SET search_id = (SELECT e.id FROM search_entry e WHERE e.kind = 'research' AND e.item_id = research.id);
UPDATE chat SET search_id = (SELECT e.id FROM search_entry e WHERE e.kind = 'chat' AND e.item_id = chat.id);
UPDATE chat_message SET search_id
    = (SELECT e.id FROM search_entry e WHERE e.kind = 'message' AND e.item_id = chat_message.id);
UPDATE agent SET search_id = (SELECT e.id FROM search_entry e WHERE e.kind = 'agent' AND e.item_id = agent.id);
UPDATE agent_execution SET search_id
    = (SELECT e.id FROM search_entry e WHERE e.kind = 'execution' AND e.item_id = agent_execution.id);
UPDATE document SET search_id = (SELECT e.id FROM search_entry e WHERE e.kind = 'document' AND e.item_id = document.id);
UPDATE draft SET search_id = (SELECT e.id FROM search_entry e WHERE e.kind = 'draft' AND e.item_id = draft.id);

DROP TRIGGER trg_search_research_added;
DROP TRIGGER trg_search_research_renamed;
DROP TRIGGER trg_search_research_removed;
DROP TRIGGER trg_search_report_added;
DROP TRIGGER trg_search_report_changed;
DROP TRIGGER trg_search_chat_added;
DROP TRIGGER trg_search_chat_renamed;
DROP TRIGGER trg_search_chat_touched;
DROP TRIGGER trg_search_chat_removed;
DROP TRIGGER trg_search_message_added;
DROP TRIGGER trg_search_message_edited;
DROP TRIGGER trg_search_message_removed;
DROP TRIGGER trg_search_agent_added;
DROP TRIGGER trg_search_agent_changed;
DROP TRIGGER trg_search_agent_removed;
DROP TRIGGER trg_search_execution_added;
DROP TRIGGER trg_search_execution_changed;
DROP TRIGGER trg_search_execution_removed;
DROP TRIGGER trg_search_document_added;
DROP TRIGGER trg_search_document_changed;
DROP TRIGGER trg_search_document_removed;
DROP TRIGGER trg_search_document_text_added;
DROP TRIGGER trg_search_document_text_changed;
DROP TRIGGER trg_search_document_text_removed;
DROP TRIGGER trg_search_draft_added;
DROP TRIGGER trg_search_draft_version_added;
DROP TRIGGER trg_search_draft_removed;
DROP INDEX idx_search_entry_item;

-- An added item: its entry, its search_id (the row's own page, already dirty), its text under the entry's id.
-- The UPDATE fires no trigger: every UPDATE trigger on these tables names its columns, and none names search_id.

-- Research: its title (else its query), its query and its report.
CREATE TRIGGER trg_search_research_added AFTER INSERT ON research
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('research', NEW.id, NEW.created_at);
    UPDATE research SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), COALESCE(NEW.title, NEW.query), NEW.query);
END;

CREATE TRIGGER trg_search_research_renamed AFTER UPDATE OF title ON research
BEGIN
    UPDATE search_text SET title = COALESCE(NEW.title, NEW.query) WHERE rowid = NEW.search_id;
END;

CREATE TRIGGER trg_search_research_removed AFTER DELETE ON research
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- A report is put by an upsert: the insert or the update trigger fires.
CREATE TRIGGER trg_search_report_added AFTER INSERT ON research_report
BEGIN
    UPDATE search_text SET body = (SELECT query FROM research WHERE id = NEW.research_id) || char(10) || NEW.content
    WHERE rowid = (SELECT search_id FROM research WHERE id = NEW.research_id);
END;

CREATE TRIGGER trg_search_report_changed AFTER UPDATE OF content ON research_report
BEGIN
    UPDATE search_text SET body = (SELECT query FROM research WHERE id = NEW.research_id) || char(10) || NEW.content
    WHERE rowid = (SELECT search_id FROM research WHERE id = NEW.research_id);
END;

-- Chats by title (their updated_at is read from the chat when answering).
CREATE TRIGGER trg_search_chat_added AFTER INSERT ON chat
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('chat', NEW.id, NEW.updated_at);
    UPDATE chat SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_chat_renamed AFTER UPDATE OF title ON chat
BEGIN
    UPDATE search_text SET title = NEW.title WHERE rowid = NEW.search_id;
END;

-- Also when a chat's delete cascades to its messages: SQLite fires the triggers of rows a foreign key deletes.
CREATE TRIGGER trg_search_chat_removed AFTER DELETE ON chat
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- Messages by content; their title is their chat's, read when answering (a rename then needs no reindexing).
CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);
    UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), '', NEW.content);
END;

CREATE TRIGGER trg_search_message_edited AFTER UPDATE OF content ON chat_message
BEGIN
    UPDATE search_text SET body = NEW.content WHERE rowid = NEW.search_id;
    UPDATE search_entry SET updated_at = COALESCE(NEW.edited_at, NEW.created_at) WHERE id = NEW.search_id;
END;

CREATE TRIGGER trg_search_message_removed AFTER DELETE ON chat_message
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- Agents by name and description.
CREATE TRIGGER trg_search_agent_added AFTER INSERT ON agent
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('agent', NEW.id, NEW.updated_at);
    UPDATE agent SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.name, COALESCE(NEW.description, ''));
END;

CREATE TRIGGER trg_search_agent_changed AFTER UPDATE OF name, description, updated_at ON agent
BEGIN
    UPDATE search_text SET title = NEW.name, body = COALESCE(NEW.description, '') WHERE rowid = NEW.search_id;
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE id = NEW.search_id;
END;

CREATE TRIGGER trg_search_agent_removed AFTER DELETE ON agent
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- Executions by input and output, titled with their agent's name as it was.
CREATE TRIGGER trg_search_execution_added AFTER INSERT ON agent_execution
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('execution', NEW.id, NEW.agent_id, COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at));
    UPDATE agent_execution SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body)
    VALUES (last_insert_rowid(), NEW.agent_name, NEW.input || char(10) || COALESCE(NEW.output, ''));
END;

CREATE TRIGGER trg_search_execution_changed AFTER UPDATE OF input, output, started_at, completed_at ON agent_execution
BEGIN
    UPDATE search_text SET body = NEW.input || char(10) || COALESCE(NEW.output, '') WHERE rowid = NEW.search_id;
    UPDATE search_entry SET updated_at = COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at)
    WHERE id = NEW.search_id;
END;

CREATE TRIGGER trg_search_execution_removed AFTER DELETE ON agent_execution
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- Documents by title and extracted text (their chunks are that text cut up: indexing them again would only
-- double the index).
CREATE TRIGGER trg_search_document_added AFTER INSERT ON document
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('document', NEW.id, NEW.updated_at);
    UPDATE document SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_document_changed AFTER UPDATE OF title, updated_at ON document
BEGIN
    UPDATE search_text SET title = NEW.title WHERE rowid = NEW.search_id;
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE id = NEW.search_id;
END;

CREATE TRIGGER trg_search_document_removed AFTER DELETE ON document
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;

-- The text is put by an upsert (insert or update trigger) and removed by a delete.
CREATE TRIGGER trg_search_document_text_added AFTER INSERT ON document_text
BEGIN
    UPDATE search_text SET body = NEW.text WHERE rowid = (SELECT search_id FROM document WHERE id = NEW.document_id);
END;

CREATE TRIGGER trg_search_document_text_changed AFTER UPDATE OF text ON document_text
BEGIN
    UPDATE search_text SET body = NEW.text WHERE rowid = (SELECT search_id FROM document WHERE id = NEW.document_id);
END;

CREATE TRIGGER trg_search_document_text_removed AFTER DELETE ON document_text
BEGIN
    UPDATE search_text SET body = '' WHERE rowid = (SELECT search_id FROM document WHERE id = OLD.document_id);
END;

-- Drafts by their latest version: each save inserts a version, which becomes the indexed text.
CREATE TRIGGER trg_search_draft_added AFTER INSERT ON draft
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('draft', NEW.id, NEW.session_id, NEW.updated_at);
    UPDATE draft SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), NEW.title, '');
END;

CREATE TRIGGER trg_search_draft_version_added AFTER INSERT ON draft_version
BEGIN
    UPDATE search_text SET title = NEW.title, body = NEW.content
    WHERE rowid = (SELECT search_id FROM draft WHERE id = NEW.draft_id);
    UPDATE search_entry SET updated_at = NEW.created_at WHERE id = (SELECT search_id FROM draft WHERE id = NEW.draft_id);
END;

CREATE TRIGGER trg_search_draft_removed AFTER DELETE ON draft
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.search_id;
    DELETE FROM search_entry WHERE id = OLD.search_id;
END;
