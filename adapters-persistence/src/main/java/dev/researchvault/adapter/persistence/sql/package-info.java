/**
 * How every vault table stores what several of them share: times as sortable text ({@link
 * dev.researchvault.adapter.persistence.sql.SqlTimes}), the newest-first list cursors and pages ({@link
 * dev.researchvault.adapter.persistence.sql.ListCursors}, {@link
 * dev.researchvault.adapter.persistence.sql.NewestFirstList}), JSON columns ({@link
 * dev.researchvault.adapter.persistence.sql.JsonColumns}), optional links ({@link
 * dev.researchvault.adapter.persistence.sql.StoredIds}) and token usage ({@link
 * dev.researchvault.adapter.persistence.sql.StoredUsage}) and plain-JDBC statements ({@link
 * dev.researchvault.adapter.persistence.sql.VaultStatements}). Used by the research, chat, agent and usage adapters
 * alike, so it belongs to none of them.
 */
package dev.researchvault.adapter.persistence.sql;
