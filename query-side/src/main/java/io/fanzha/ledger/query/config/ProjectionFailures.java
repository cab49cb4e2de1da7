package io.fanzha.ledger.query.config;

import io.fanzha.ledger.platform.web.StoreUnavailable;
import io.fanzha.ledger.query.ReadModel;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails on one event parks that event, and every later event of the same
 * aggregate, in a MongoDB dead-letter queue per processing group, and goes on with the others;
 * {@code /api/admin/dead-letters} retries or evicts them. A failure is never skipped: when MongoDB
 * itself is away the letter cannot be parked either, the failure reaches the processor, which backs
 * off and retries the batch (safe, since every projection is idempotent) — which is why the error
 * handler still propagates rather than logs. The same goes for a failure of the event store's
 * connection (the position lookup): it is thrown on, not parked. A reset clears a group's queue:
 * the replay meets a poisonous event again and parks it again.
 */
@Configuration
public class ProjectionFailures {

  /** The diagnostics entry counting how often a parked letter failed again on a retry. */
  public static final String RETRIES = "retries";

  @Bean
  ConfigurerModule parkFailedEvents(MongoTemplate axonMongoTemplate, List<ReadModel> readModels) {
    // One queue per read model's group, registered by name: Axon's JDBC auto-configuration sets a
    // queue provider of its own, which a provider registered here could lose to.
    return configurer -> {
      configurer
          .eventProcessing()
          .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
          .registerDefaultDeadLetterPolicy(c -> countingRetries());
      readModels.forEach(
          model ->
              configurer
                  .eventProcessing()
                  .registerDeadLetterQueue(
                      model.processingGroup(),
                      c ->
                          MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                              .processingGroup(model.processingGroup())
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(c.serializer())
                              .build())
                  .registerDeadLetteringEventHandlerInvokerConfiguration(
                      model.processingGroup(), (c, builder) -> builder.allowReset(true)));
    };
  }

  static EnqueuePolicy<EventMessage<?>> countingRetries() {
    return (letter, cause) -> {
      if (StoreUnavailable.isCause(cause)) {
        // not a poisonous event but a store away for a moment: the processor backs off and
        // handles the batch again, as when MongoDB is away; parked, it would stay out until retried
        throw new StoreAway(cause);
      }
      Object before = letter.diagnostics().get(RETRIES);
      long retries = before instanceof Number n ? n.longValue() + 1 : 0;
      return Decisions.requeue(
          ThrowableCause.truncated(cause),
          l -> MetaData.from(l.diagnostics()).and(RETRIES, retries));
    };
  }

  /** A projection failed because a store could not be reached; thrown on to the processor. */
  static final class StoreAway extends RuntimeException {
    StoreAway(Throwable cause) {
      super("a store could not be reached", cause);
    }
  }
}
