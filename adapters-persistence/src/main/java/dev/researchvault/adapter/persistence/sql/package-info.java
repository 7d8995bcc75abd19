/**
 * How every vault table stores what several of them share: times as sortable text ({@link
 * dev.researchvault.adapter.persistence.sql.SqlTimes}) and the newest-first list cursors ({@link
 * dev.researchvault.adapter.persistence.sql.ListCursors}). Used by the research and chat adapters alike, so it
 * belongs to neither.
 */
package dev.researchvault.adapter.persistence.sql;
