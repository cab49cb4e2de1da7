package io.fanzha.ledger.events;

/** Kinds of telecom fraud, for leads and cases (刷单返利, 虚假投资理财 …). */
public enum FraudCategory {
  ORDER_BRUSHING,
  FAKE_INVESTMENT,
  FAKE_CUSTOMER_SERVICE,
  IMPERSONATING_AUTHORITIES,
  ONLINE_LOAN,
  ONLINE_DATING,
  FAKE_SHOPPING,
  GAME_TRADING,
  OTHER
}
