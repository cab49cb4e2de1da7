package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;

/** The state of the thing forbids the change, e.g. revoking a penalty twice with other reasons. */
public class AlreadyDone extends Refusal {

  public AlreadyDone(String detail) {
    super(409, "conflict", detail);
  }
}
