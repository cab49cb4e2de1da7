/** Publicity events (宣传活动) and the evidence (佐证材料) kept for spot checks. */
package io.fanzha.ledger.command.publishevent;
