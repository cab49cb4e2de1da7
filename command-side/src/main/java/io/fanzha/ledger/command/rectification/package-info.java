/** Rectification orders (整改) with a due date, their completion, and their running overdue. */
package io.fanzha.ledger.command.rectification;
