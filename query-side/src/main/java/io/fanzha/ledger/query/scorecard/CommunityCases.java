package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.query.scorecard.rules.FraudCase;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The fraud cases the police recorded in a community, keyed by the community's id, whatever the
 * campaign: each campaign's case rate counts those that occurred within its period. Cases are added
 * with {@code $addToSet}, so a case delivered twice is kept once.
 */
@Document(CommunityCases.COLLECTION)
public record CommunityCases(@Id String communityId, List<FraudCase> cases) {

  public static final String COLLECTION = "scorecard_cases";

  public CommunityCases {
    cases = cases == null ? List.of() : List.copyOf(cases);
  }
}
