-- Row counts of the tables whose lists answer a total on every page, kept by triggers inside the
-- transaction that changes the table, so they are exactly as durable as the rows. SELECT COUNT(*) walks
-- the whole smallest index: 25–50 ms per page at 100,000 rows (docs/benchmarks.md); this is one row read.
-- No statement uses INSERT OR REPLACE on these tables: its implicit delete would not fire the delete trigger.
CREATE TABLE row_count (
    table_name TEXT PRIMARY KEY,
    row_count  INTEGER NOT NULL CHECK (row_count >= 0)
) WITHOUT ROWID;

INSERT INTO row_count (table_name, row_count) SELECT 'research', COUNT(*) FROM research;
INSERT INTO row_count (table_name, row_count) SELECT 'chat', COUNT(*) FROM chat;

CREATE TRIGGER trg_research_counted_insert AFTER INSERT ON research
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'research';
END;

CREATE TRIGGER trg_research_counted_delete AFTER DELETE ON research
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'research';
END;

CREATE TRIGGER trg_chat_counted_insert AFTER INSERT ON chat
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'chat';
END;

CREATE TRIGGER trg_chat_counted_delete AFTER DELETE ON chat
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'chat';
END;
