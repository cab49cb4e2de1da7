package io.fanzha.ledger.events;

/** Where a publicity event took place. */
public enum LocationKind {
  BUS_STATION,
  TRAIN_STATION,
  PARK,
  MARKET,
  COMMERCIAL_STREET,
  SHOPPING_CENTER,
  BANK_BRANCH,
  TELECOM_BRANCH,
  SCHOOL,
  RESIDENTIAL_COMPOUND,
  ENTERPRISE,
  HOSPITAL,
  ONLINE,
  OTHER
}
