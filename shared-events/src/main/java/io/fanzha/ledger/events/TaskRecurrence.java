package io.fanzha.ledger.events;

/** How often a task (任务分解) is due. */
public enum TaskRecurrence {
  ONCE,
  MONTHLY
}
