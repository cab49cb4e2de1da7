package io.fanzha.ledger.query.admin;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The parked events of the projections, to look at, retry after a fix, or give up on. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

  private final DeadLetters deadLetters;

  DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  List<ParkedLetter> parked() {
    return deadLetters.list();
  }

  @PostMapping("/{group}/retry")
  Map<String, Object> retry(@PathVariable String group) {
    int cleared = deadLetters.retry(group);
    return Map.of(
        "processingGroup", group,
        "sequencesCleared", cleared,
        "stillParked", deadLetters.counts().getOrDefault(group, 0L));
  }

  @DeleteMapping("/{group}/{sequenceId}")
  Map<String, Object> evict(@PathVariable String group, @PathVariable String sequenceId) {
    return Map.of(
        "processingGroup",
        group,
        "sequenceId",
        sequenceId,
        "evicted",
        deadLetters.evict(group, sequenceId));
  }
}
