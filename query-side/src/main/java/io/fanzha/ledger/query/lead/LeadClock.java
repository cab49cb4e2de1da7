package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.query.Generations;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The "now" a lead's age is counted to: the system clock; under profile {@code sim}, where the
 * command side's clock is simulated and the query side never reads it, the newest event the lead
 * read model has seen, as the scorecards' today is the day of their newest event.
 */
@Component
public class LeadClock {

  private final MongoTemplate mongo;
  private final Generations generations;
  private final boolean simulated;
  private final Clock system = Clock.systemUTC();

  @Autowired
  LeadClock(MongoTemplate mongo, Generations generations, Environment environment) {
    this(mongo, generations, environment.acceptsProfiles(Profiles.of("sim")));
  }

  LeadClock(MongoTemplate mongo, Generations generations, boolean simulated) {
    this.mongo = mongo;
    this.generations = generations;
    this.simulated = simulated;
  }

  /** Null under the simulation clock before any event. */
  public Instant now() {
    if (!simulated) {
      return system.instant();
    }
    LeadsNewestEvent newest =
        mongo.findById(
            LeadsNewestEvent.ID,
            LeadsNewestEvent.class,
            generations.live(FraudLeadProjection.GROUP).of(LeadsNewestEvent.class));
    return newest == null ? null : newest.recordedAt();
  }
}
