/** Health checks for operators, answering at /actuator/health. */
package io.fanzha.ledger.platform.health;
