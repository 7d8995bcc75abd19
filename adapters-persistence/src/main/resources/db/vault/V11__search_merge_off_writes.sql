-- Segment merges of the search index out of the writes (issue 16; docs/search.md, "Write cost"; measured in
-- docs/benchmarks.md, "Search write cost: vault V11"). FTS5 writes each transaction's index rows as a new segment,
-- and by default (automerge 4) writes also merge segments into bigger ones, about every 64 leaf pages written: such
-- a write did up to 20 extra encrypted pages of merging, and batches of writes spent 4-12 % of their time on it.
-- automerge 0: writes no longer merge. The merging happens instead when the vault's connection has been idle long
-- enough to be closed (SearchSegments, run by OpenVault through ConnectionPool.closeIdle), and VACUUM optimises the index whole.
-- crisismerge 16 (FTS5's default, set to say it is the bound): a write that would leave 16 segments on one level
-- still merges that level, so a vault written without pause keeps at most 15 segments a level and queries stay fast
-- (queries read every segment: 27-42 against 18-21 cost small queries a few tenths of a millisecond).
-- Both are settings in search_text_config: the index itself is untouched, and running this again changes nothing.
INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0);
INSERT INTO search_text (search_text, rank) VALUES ('crisismerge', 16);
