-- The search index updated after the write instead of in it (issue 16; docs/search.md, "Backlog"; measured in
-- docs/benchmarks.md, "Search write cost: the backlog"). FTS5 costs a write about twice what it costs without the
-- index, whatever its options (a bare FTS5 table: 14 encrypted pages against 6.7 for a message, 1.9x batched;
-- detail=none, contentless and columnsize=0 alike): each transaction writes a new segment, its structure record,
-- its content and doc-size rows. Batched, the same work costs a fraction per item.
-- So a write now only queues its item (search_pending: the entry ids whose index row is to be rebuilt from the item
-- itself), in the write's own transaction, as PostgreSQL's GIN indexes keep a pending list. The queue is applied to
-- search_text in batches (SearchBacklog): before every search, so a search still sees every committed write; in the
-- background about once a second while the vault is in use, giving way to its writers; and when a connection is
-- closed for idleness. A crash loses nothing: the queue commits with the write, and a batch is one transaction.
-- search_entry is still written in the write's transaction (one page: it is what the queue is applied from, and a
-- removed item's entry goes at once). The triggers keep their names and V10's shape, one per table and event.
-- Every pending id is rebuilt the same way: its index row deleted, then inserted again from its entry's item if the
-- entry still exists. So an id that a removed item freed and a new item took is still right.

CREATE TABLE search_pending (search_id INTEGER PRIMARY KEY);

DROP TRIGGER trg_search_research_added;
DROP TRIGGER trg_search_research_renamed;
DROP TRIGGER trg_search_research_removed;
DROP TRIGGER trg_search_report_added;
DROP TRIGGER trg_search_report_changed;
DROP TRIGGER trg_search_chat_added;
DROP TRIGGER trg_search_chat_renamed;
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

-- An added item: its entry, its search_id (the row's own page, already dirty), its entry id queued. The UPDATE fires
-- no trigger (every UPDATE trigger here names its columns, none names search_id) and leaves last_insert_rowid() alone.
-- Ids are only queued when there is one (SELECT ... WHERE ... IS NOT NULL): a NULL into search_pending's INTEGER
-- PRIMARY KEY would be given a new id of its own. An id already queued is skipped with NOT EXISTS, not INSERT OR
-- IGNORE: inside a trigger, the conflict clause of the statement that fired it (a report's or a text's upsert) takes
-- the place of the trigger's own, and the duplicate would fail the write.

CREATE TRIGGER trg_search_research_added AFTER INSERT ON research
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('research', NEW.id, NEW.created_at);
    UPDATE research SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_research_renamed AFTER UPDATE OF title ON research
BEGIN
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

CREATE TRIGGER trg_search_research_removed AFTER DELETE ON research
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

-- A report is put by an upsert: the insert or the update trigger fires.
CREATE TRIGGER trg_search_report_added AFTER INSERT ON research_report
BEGIN
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM research t WHERE t.id = NEW.research_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

CREATE TRIGGER trg_search_report_changed AFTER UPDATE OF content ON research_report
BEGIN
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM research t WHERE t.id = NEW.research_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

CREATE TRIGGER trg_search_chat_added AFTER INSERT ON chat
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('chat', NEW.id, NEW.updated_at);
    UPDATE chat SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_chat_renamed AFTER UPDATE OF title ON chat
BEGIN
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

-- Also when a chat's delete cascades to its messages: SQLite fires the triggers of rows a foreign key deletes.
CREATE TRIGGER trg_search_chat_removed AFTER DELETE ON chat
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);
    UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_message_edited AFTER UPDATE OF content ON chat_message
BEGIN
    UPDATE search_entry SET updated_at = COALESCE(NEW.edited_at, NEW.created_at) WHERE id = NEW.search_id;
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

CREATE TRIGGER trg_search_message_removed AFTER DELETE ON chat_message
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

CREATE TRIGGER trg_search_agent_added AFTER INSERT ON agent
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('agent', NEW.id, NEW.updated_at);
    UPDATE agent SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_agent_changed AFTER UPDATE OF name, description, updated_at ON agent
BEGIN
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE id = NEW.search_id;
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

CREATE TRIGGER trg_search_agent_removed AFTER DELETE ON agent
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

CREATE TRIGGER trg_search_execution_added AFTER INSERT ON agent_execution
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('execution', NEW.id, NEW.agent_id, COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at));
    UPDATE agent_execution SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_execution_changed AFTER UPDATE OF input, output, started_at, completed_at ON agent_execution
BEGIN
    UPDATE search_entry SET updated_at = COALESCE(NEW.completed_at, NEW.started_at, NEW.created_at)
    WHERE id = NEW.search_id;
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

CREATE TRIGGER trg_search_execution_removed AFTER DELETE ON agent_execution
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

CREATE TRIGGER trg_search_document_added AFTER INSERT ON document
BEGIN
    INSERT INTO search_entry (kind, item_id, updated_at) VALUES ('document', NEW.id, NEW.updated_at);
    UPDATE document SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_document_changed AFTER UPDATE OF title, updated_at ON document
BEGIN
    UPDATE search_entry SET updated_at = NEW.updated_at WHERE id = NEW.search_id;
    INSERT INTO search_pending (search_id) SELECT NEW.search_id
    WHERE NEW.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = NEW.search_id);
END;

CREATE TRIGGER trg_search_document_removed AFTER DELETE ON document
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;

-- The text is put by an upsert (insert or update trigger) and removed by a delete; when a document's delete
-- cascades to its text the document is gone already, and its own trigger has queued it.
CREATE TRIGGER trg_search_document_text_added AFTER INSERT ON document_text
BEGIN
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM document t WHERE t.id = NEW.document_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

CREATE TRIGGER trg_search_document_text_changed AFTER UPDATE OF text ON document_text
BEGIN
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM document t WHERE t.id = NEW.document_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

CREATE TRIGGER trg_search_document_text_removed AFTER DELETE ON document_text
BEGIN
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM document t WHERE t.id = OLD.document_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

-- Drafts by their latest version: each save inserts a version, which becomes the indexed text.
CREATE TRIGGER trg_search_draft_added AFTER INSERT ON draft
BEGIN
    INSERT INTO search_entry (kind, item_id, parent_id, updated_at)
    VALUES ('draft', NEW.id, NEW.session_id, NEW.updated_at);
    UPDATE draft SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
    INSERT INTO search_pending (search_id) SELECT last_insert_rowid()
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = last_insert_rowid());
END;

CREATE TRIGGER trg_search_draft_version_added AFTER INSERT ON draft_version
BEGIN
    UPDATE search_entry SET updated_at = NEW.created_at WHERE id = (SELECT search_id FROM draft WHERE id = NEW.draft_id);
    INSERT INTO search_pending (search_id)
    SELECT t.search_id FROM draft t WHERE t.id = NEW.draft_id AND t.search_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = t.search_id);
END;

CREATE TRIGGER trg_search_draft_removed AFTER DELETE ON draft
BEGIN
    DELETE FROM search_entry WHERE id = OLD.search_id;
    INSERT INTO search_pending (search_id) SELECT OLD.search_id
    WHERE OLD.search_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_pending WHERE search_id = OLD.search_id);
END;
