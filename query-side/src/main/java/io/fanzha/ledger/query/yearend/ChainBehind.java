package io.fanzha.ledger.query.yearend;

import io.fanzha.ledger.platform.web.Refusal;

/** The command side has not yet linked every event of the year into the chain. */
class ChainBehind extends Refusal {

  ChainBehind(long needed, long chained) {
    super(
        409,
        "chain-behind",
        "The hash chain reaches position "
            + chained
            + " of "
            + needed
            + "; ask again in a moment.");
  }
}
