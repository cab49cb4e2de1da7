/** {@code ./bench}: loads a generated year into the embedded stack and measures it. */
package io.fanzha.ledger.harness.bench;
