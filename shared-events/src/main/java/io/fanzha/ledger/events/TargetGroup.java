package io.fanzha.ledger.events;

/** The groups a publicity event was aimed at (重点人群). */
public enum TargetGroup {
  STUDENTS,
  ELDERLY,
  MIGRANT_WORKERS,
  FINANCE_STAFF,
  STAY_AT_HOME_PARENTS,
  ONLINE_SHOPPERS,
  SINGLES,
  DISABLED,
  LOW_INCOME,
  GENERAL_PUBLIC
}
