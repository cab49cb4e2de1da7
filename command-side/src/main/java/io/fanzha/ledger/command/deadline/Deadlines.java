package io.fanzha.ledger.command.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The deadline index in the relational store. Connections do not commit by themselves (see {@code
 * spring.datasource.hikari.auto-commit}), so every write runs in a transaction: the index
 * processor's own when it calls, a new one otherwise.
 */
@Component
public class Deadlines {

  private final JdbcTemplate jdbc;
  private final TransactionOperations transactions;

  public Deadlines(JdbcTemplate jdbc, TransactionOperations transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Adds what is not there yet; a deadline already indexed, fired or not, stays as it is. */
  public void schedule(List<Deadline> deadlines) {
    transactions.executeWithoutResult(tx -> insertMissing(deadlines));
  }

  private void insertMissing(List<Deadline> deadlines) {
    for (Deadline d : deadlines) {
      jdbc.update(
          "INSERT INTO deadline (deadline_id, due_at, kind, target_id, unit_id, period, due_date)"
              + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
              + " (SELECT 1 FROM deadline WHERE deadline_id = ?)",
          d.deadlineId(),
          d.dueAt().toEpochMilli(),
          d.kind().name(),
          d.targetId(),
          d.unitId(),
          d.period(),
          d.dueDate(),
          d.deadlineId());
    }
  }

  /** Unfired deadlines due at or before {@code until}, earliest first. */
  public List<Deadline> dueBy(Instant until, int limit) {
    return jdbc.query(
        "SELECT deadline_id, due_at, kind, target_id, unit_id, period, due_date FROM deadline"
            + " WHERE fired = FALSE AND due_at <= ?"
            + " ORDER BY due_at, kind, deadline_id LIMIT ?",
        (rs, row) ->
            new Deadline(
                rs.getString("deadline_id"),
                Instant.ofEpochMilli(rs.getLong("due_at")),
                DeadlineKind.valueOf(rs.getString("kind")),
                rs.getString("target_id"),
                rs.getString("unit_id"),
                rs.getString("period"),
                rs.getObject("due_date", LocalDate.class)),
        until.toEpochMilli(),
        limit);
  }

  public void markFired(String deadlineId) {
    transactions.executeWithoutResult(
        tx -> jdbc.update("UPDATE deadline SET fired = TRUE WHERE deadline_id = ?", deadlineId));
  }

  /** Forgets the deadlines not fired yet: the index is rebuilt from the log. */
  public void forgetUnfired() {
    transactions.executeWithoutResult(
        tx -> jdbc.update("DELETE FROM deadline WHERE fired = FALSE"));
  }

  public long pending() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM deadline WHERE fired = FALSE", Long.class);
  }
}
