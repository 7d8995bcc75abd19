package dev.researchvault.adapter.persistence.research;

import dev.researchvault.adapter.persistence.research.Rows.ResearchRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * The {@code research} table, row by row. Its list is a {@link dev.researchvault.adapter.persistence.sql.NewestFirstList}
 * ({@link JdbcResearchRepository#LIST}).
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ResearchRows extends GenericRepository<ResearchRow, String> {

    ResearchRow save(ResearchRow row);

    ResearchRow update(ResearchRow row);

    int deleteById(String id);

    @Query("UPDATE research SET chat_id = NULL WHERE chat_id = :chatId")
    void detachChat(String chatId);
}
