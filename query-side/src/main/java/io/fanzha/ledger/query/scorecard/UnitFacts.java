package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What has been recorded about one unit in one campaign, keyed {@code campaignId/unitId}. Facts are
 * added with {@code $addToSet}, so an event delivered twice is kept once.
 */
@Document(UnitFacts.COLLECTION)
public record UnitFacts(@Id String id, String campaignId, String unitId, List<ScoreFact> facts) {

  public static final String COLLECTION = "scorecard_facts";

  public UnitFacts {
    facts = facts == null ? List.of() : List.copyOf(facts);
  }

  /** Ids are letters, digits, '-' and '_', so '/' cannot occur in either part. */
  public static String idOf(String campaignId, String unitId) {
    return campaignId + "/" + unitId;
  }
}
