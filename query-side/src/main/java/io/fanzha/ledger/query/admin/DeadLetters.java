package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.config.ProjectionFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The parked events of every processing group: listed, retried, evicted, counted. */
@Service
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final EventProcessingConfiguration processing;
  private final List<String> groups;

  public DeadLetters(EventProcessingConfiguration processing, List<ReadModel> readModels) {
    this.processing = processing;
    this.groups = readModels.stream().map(ReadModel::processingGroup).sorted().toList();
  }

  List<ParkedLetter> list() {
    List<ParkedLetter> parked = new ArrayList<>();
    for (String group : groups) {
      for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
          parked.add(describe(group, letter));
        }
      }
    }
    return parked;
  }

  /** Parked events per processing group; groups with none are left out. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String group : groups) {
      long size = queue(group).size();
      if (size > 0) {
        counts.put(group, size);
      }
    }
    return counts;
  }

  /**
   * Processes every parked sequence of the group once more, oldest first; a sequence that fails
   * again stays parked with its retries counted. Answers how many sequences were cleared.
   */
  int retry(String group) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
    SequencedDeadLetterProcessor<EventMessage<?>> processor =
        processing
            .sequencedDeadLetterProcessor(group)
            .orElseThrow(() -> new NoSuchProcessingGroup(group));
    long sequences = queue.amountOfSequences();
    int cleared = 0;
    for (long i = 0; i < sequences; i++) {
      if (processor.processAny()) {
        cleared++;
      }
    }
    log.info(
        "dead letters of {}: {} of {} sequences cleared by a retry", group, cleared, sequences);
    return cleared;
  }

  /** Removes a parked sequence for good; answers how many events it held. */
  int evict(String group, String sequenceId) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
    List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
    queue.deadLetterSequence(sequenceId).forEach(letters::add);
    if (letters.isEmpty()) {
      throw new NoSuchParkedSequence(group, sequenceId);
    }
    letters.forEach(queue::evict);
    log.warn(
        "dead letters of {}: sequence {} evicted, {} events will not be projected",
        group,
        sequenceId,
        letters.size());
    return letters.size();
  }

  private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
    if (!groups.contains(group)) {
      throw new NoSuchProcessingGroup(group);
    }
    return processing.deadLetterQueue(group).orElseThrow(() -> new NoSuchProcessingGroup(group));
  }

  private static ParkedLetter describe(String group, DeadLetter<? extends EventMessage<?>> letter) {
    EventMessage<?> event = letter.message();
    Object payload = event.getPayload();
    String type =
        payload instanceof UnknownSerializedType unknown
            ? unknown.serializedType().getName()
            : event.getPayloadType().getSimpleName();
    Cause cause = letter.cause().orElse(null);
    Object retries = letter.diagnostics().get(ProjectionFailures.RETRIES);
    return new ParkedLetter(
        group,
        letter instanceof MongoDeadLetter<?> stored ? stored.sequenceIdentifier() : null,
        event.getIdentifier(),
        type,
        cause == null ? null : cause.type(),
        cause == null ? null : cause.message(),
        letter.enqueuedAt(),
        letter.lastTouched(),
        retries instanceof Number n ? n.longValue() : 0);
  }
}
