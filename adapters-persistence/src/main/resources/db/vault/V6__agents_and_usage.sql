-- vault.db: agents, their executions and execution logs; chats may belong to an agent; messages, executions and
-- research record the model, sources and token usage of the calls behind them. Times as in V2 (sortable
-- ISO-8601 text, milliseconds, UTC). Costs are whole micro-dollars (INTEGER), so sums are exact.

CREATE TABLE agent (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    description   TEXT,
    model         TEXT NOT NULL,
    system_prompt TEXT,
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    parameters    TEXT NOT NULL DEFAULT '{}',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- Names are unique per user (this file is one user's), compared as SQLite's NOCASE does: ASCII letters only.
CREATE UNIQUE INDEX idx_agent_name ON agent (name COLLATE NOCASE);
-- The list: most recently updated first, filtered by active flag or model.
CREATE INDEX idx_agent_updated_at ON agent (updated_at);
CREATE INDEX idx_agent_active_updated_at ON agent (active, updated_at);
CREATE INDEX idx_agent_model_updated_at ON agent (model, updated_at);

-- An execution outlives its agent and its chat: the links become NULL, agent_name keeps what it was.
CREATE TABLE agent_execution (
    id                TEXT PRIMARY KEY,
    agent_id          TEXT REFERENCES agent (id) ON DELETE SET NULL,
    agent_name        TEXT NOT NULL,
    chat_id           TEXT REFERENCES chat (id) ON DELETE SET NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    input             TEXT NOT NULL,
    output            TEXT,
    error             TEXT,
    model             TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    started_at        TEXT,
    completed_at      TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    cost_micros       INTEGER
);
-- The list: newest first, filtered by agent, chat or status.
CREATE INDEX idx_agent_execution_created_at ON agent_execution (created_at);
CREATE INDEX idx_agent_execution_agent_id_created_at ON agent_execution (agent_id, created_at);
CREATE INDEX idx_agent_execution_chat_id_created_at ON agent_execution (chat_id, created_at);
CREATE INDEX idx_agent_execution_status_created_at ON agent_execution (status, created_at);

CREATE TABLE agent_execution_log (
    execution_id TEXT NOT NULL REFERENCES agent_execution (id) ON DELETE CASCADE,
    sequence     INTEGER NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('debug', 'info', 'warning', 'error')),
    message      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (execution_id, sequence)
) WITHOUT ROWID;

-- A chat may belong to an agent; agent_name keeps the agent's name after the agent is deleted.
ALTER TABLE chat ADD COLUMN agent_id TEXT REFERENCES agent (id) ON DELETE SET NULL;
ALTER TABLE chat ADD COLUMN agent_name TEXT;
CREATE INDEX idx_chat_agent_id_updated_at ON chat (agent_id, updated_at);

-- Richer messages: all optional, so messages written before read as they were.
ALTER TABLE chat_message ADD COLUMN model TEXT;
ALTER TABLE chat_message ADD COLUMN sources TEXT;
ALTER TABLE chat_message ADD COLUMN metadata TEXT;
ALTER TABLE chat_message ADD COLUMN prompt_tokens INTEGER;
ALTER TABLE chat_message ADD COLUMN completion_tokens INTEGER;
ALTER TABLE chat_message ADD COLUMN cost_micros INTEGER;
ALTER TABLE chat_message ADD COLUMN edited_at TEXT;

ALTER TABLE research ADD COLUMN prompt_tokens INTEGER;
ALTER TABLE research ADD COLUMN completion_tokens INTEGER;
ALTER TABLE research ADD COLUMN cost_micros INTEGER;

-- GET /api/v1/usage sums each source over a time range: partial indexes hold only the rows that carry usage,
-- so a range scan never visits the (many) rows without any. They also hold every column the sums read (model,
-- tokens, cost), so the sums never read a table row: a message's row holds its whole text, an index entry a
-- few dozen bytes, and every page read from an encrypted file is decrypted.
CREATE INDEX idx_chat_message_usage ON chat_message (created_at, model, prompt_tokens, completion_tokens, cost_micros)
    WHERE prompt_tokens IS NOT NULL;
CREATE INDEX idx_agent_execution_usage ON agent_execution (created_at, model, prompt_tokens, completion_tokens,
    cost_micros) WHERE prompt_tokens IS NOT NULL;
CREATE INDEX idx_research_usage ON research (created_at, prompt_tokens, completion_tokens, cost_micros)
    WHERE prompt_tokens IS NOT NULL;

-- The same sums per UTC day and model, kept by triggers in the transaction that writes the row: a report reads
-- these for the whole days of its range and the partial usage indexes only for the partial days at its ends, so
-- its cost follows the days asked for, not the calls made (100,000 calls over a year: 70 ms from the indexes).
-- model_known/model stand for a nullable model (research has none) in a key SQLite enforces: NULLs are never
-- equal, so a NULL model could not be a key column an upsert meets again.
CREATE TABLE usage_day (
    day               TEXT    NOT NULL,
    model_known       INTEGER NOT NULL CHECK (model_known IN (0, 1)),
    model             TEXT    NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost_micros       INTEGER NOT NULL,
    calls             INTEGER NOT NULL,
    PRIMARY KEY (day, model_known, model)
) WITHOUT ROWID;

-- One change to the sums: a call added (calls 1) or taken away (calls -1, the values negated). The triggers of
-- the three sources insert here; this one trigger adds it up, and drops a group left with no call.
CREATE VIEW usage_day_change (day, model, prompt_tokens, completion_tokens, cost_micros, calls) AS
    SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER trg_usage_day_change INSTEAD OF INSERT ON usage_day_change
BEGIN
    INSERT INTO usage_day (day, model_known, model, prompt_tokens, completion_tokens, cost_micros, calls)
    SELECT NEW.day, NEW.model IS NOT NULL, IFNULL(NEW.model, ''), NEW.prompt_tokens, NEW.completion_tokens,
           IFNULL(NEW.cost_micros, 0), NEW.calls WHERE true
    ON CONFLICT (day, model_known, model) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens,
        cost_micros = cost_micros + excluded.cost_micros, calls = calls + excluded.calls;
    DELETE FROM usage_day WHERE day = NEW.day AND model_known = (NEW.model IS NOT NULL)
        AND model = IFNULL(NEW.model, '') AND calls = 0;
END;

-- The three sources' triggers differ only in their table (and research's missing model): a SQLite trigger
-- belongs to one table, so each table has its own three, reduced to one insert into the view each.
CREATE TRIGGER trg_chat_message_usage_added AFTER INSERT ON chat_message WHEN NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(NEW.created_at, 1, 10), NEW.model, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1);
END;

-- Also when a chat's delete cascades to its messages: SQLite fires the triggers of rows a foreign key deletes.
CREATE TRIGGER trg_chat_message_usage_removed AFTER DELETE ON chat_message WHEN OLD.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(OLD.created_at, 1, 10), OLD.model, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1);
END;

CREATE TRIGGER trg_chat_message_usage_changed
    AFTER UPDATE OF created_at, model, prompt_tokens, completion_tokens, cost_micros ON chat_message
    WHEN OLD.prompt_tokens IS NOT NULL OR NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change SELECT substr(OLD.created_at, 1, 10), OLD.model, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1 WHERE OLD.prompt_tokens IS NOT NULL;
    INSERT INTO usage_day_change SELECT substr(NEW.created_at, 1, 10), NEW.model, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1 WHERE NEW.prompt_tokens IS NOT NULL;
END;

CREATE TRIGGER trg_agent_execution_usage_added AFTER INSERT ON agent_execution WHEN NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(NEW.created_at, 1, 10), NEW.model, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1);
END;

CREATE TRIGGER trg_agent_execution_usage_removed AFTER DELETE ON agent_execution WHEN OLD.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(OLD.created_at, 1, 10), OLD.model, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1);
END;

CREATE TRIGGER trg_agent_execution_usage_changed
    AFTER UPDATE OF created_at, model, prompt_tokens, completion_tokens, cost_micros ON agent_execution
    WHEN OLD.prompt_tokens IS NOT NULL OR NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change SELECT substr(OLD.created_at, 1, 10), OLD.model, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1 WHERE OLD.prompt_tokens IS NOT NULL;
    INSERT INTO usage_day_change SELECT substr(NEW.created_at, 1, 10), NEW.model, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1 WHERE NEW.prompt_tokens IS NOT NULL;
END;

-- Research records no model.
CREATE TRIGGER trg_research_usage_added AFTER INSERT ON research WHEN NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(NEW.created_at, 1, 10), NULL, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1);
END;

CREATE TRIGGER trg_research_usage_removed AFTER DELETE ON research WHEN OLD.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change VALUES (substr(OLD.created_at, 1, 10), NULL, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1);
END;

CREATE TRIGGER trg_research_usage_changed
    AFTER UPDATE OF created_at, prompt_tokens, completion_tokens, cost_micros ON research
    WHEN OLD.prompt_tokens IS NOT NULL OR NEW.prompt_tokens IS NOT NULL
BEGIN
    INSERT INTO usage_day_change SELECT substr(OLD.created_at, 1, 10), NULL, -OLD.prompt_tokens,
        -OLD.completion_tokens, -OLD.cost_micros, -1 WHERE OLD.prompt_tokens IS NOT NULL;
    INSERT INTO usage_day_change SELECT substr(NEW.created_at, 1, 10), NULL, NEW.prompt_tokens,
        NEW.completion_tokens, NEW.cost_micros, 1 WHERE NEW.prompt_tokens IS NOT NULL;
END;

-- Row counts (see V5) of the new lists that answer a total on every page.
INSERT INTO row_count (table_name, row_count) VALUES ('agent', 0);
INSERT INTO row_count (table_name, row_count) VALUES ('agent_execution', 0);

CREATE TRIGGER trg_agent_counted_insert AFTER INSERT ON agent
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'agent';
END;

CREATE TRIGGER trg_agent_counted_delete AFTER DELETE ON agent
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'agent';
END;

CREATE TRIGGER trg_agent_execution_counted_insert AFTER INSERT ON agent_execution
BEGIN
    UPDATE row_count SET row_count = row_count + 1 WHERE table_name = 'agent_execution';
END;

CREATE TRIGGER trg_agent_execution_counted_delete AFTER DELETE ON agent_execution
BEGIN
    UPDATE row_count SET row_count = row_count - 1 WHERE table_name = 'agent_execution';
END;
