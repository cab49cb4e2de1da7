package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.platform.web.Refusal;

/** An export would hold more rows than one file may; 422, narrow the filters. */
public class TooManyToExport extends Refusal {

  TooManyToExport(long matches, int limit) {
    super(
        422,
        "export-too-large",
        matches
            + " events match; an export holds at most "
            + limit
            + ". Narrow it with from and to or another filter.");
  }
}
