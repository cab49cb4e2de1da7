package io.fanzha.ledger.events;

/** The person who told a unit about a lead. Personal data under PIPL: never logged. */
public record Reporter(String name, String phone) {

  @Override
  public String toString() {
    return "Reporter[redacted]";
  }
}
