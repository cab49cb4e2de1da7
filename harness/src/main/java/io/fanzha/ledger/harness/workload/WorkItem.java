package io.fanzha.ledger.harness.workload;

import io.fanzha.ledger.harness.demo.EvidencePhoto;

/**
 * One request of the workload: {@code POST path} with {@code body} as JSON, sent as {@code user}
 * (whose password is the user name), or, when {@code evidence} is set, that photo uploaded to
 * {@code path} as multipart with {@code kind=PHOTO}.
 *
 * @param what a short label for reports, e.g. {@code publish-event}
 * @param events how many events the ledger records when it accepts the request
 */
public record WorkItem(
    String what, String user, String path, Object body, EvidencePhoto evidence, int events) {

  public static WorkItem post(String what, String user, String path, Object body) {
    return new WorkItem(what, user, path, body, null, 1);
  }

  public static WorkItem upload(String user, String publishEventId, EvidencePhoto photo) {
    return new WorkItem(
        "evidence", user, "/api/publish-events/" + publishEventId + "/evidence", null, photo, 1);
  }

  public boolean isUpload() {
    return evidence != null;
  }
}
