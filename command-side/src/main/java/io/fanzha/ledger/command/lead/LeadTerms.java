package io.fanzha.ledger.command.lead;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fanzha.leads.acknowledge-within}: how long the police have to acknowledge a lead after it
 * is reported before it is escalated (default 48 hours).
 */
@ConfigurationProperties("fanzha.leads")
public record LeadTerms(Duration acknowledgeWithin) {

  public static final Duration DEFAULT_ACKNOWLEDGE_WITHIN = Duration.ofHours(48);

  public LeadTerms {
    if (acknowledgeWithin == null) {
      acknowledgeWithin = DEFAULT_ACKNOWLEDGE_WITHIN;
    }
    if (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()) {
      throw new IllegalArgumentException("fanzha.leads.acknowledge-within must be positive");
    }
  }
}
