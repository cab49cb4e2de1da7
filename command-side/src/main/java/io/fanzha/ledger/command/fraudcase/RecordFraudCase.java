package io.fanzha.ledger.command.fraudcase;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.TargetGroup;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFraudCase(
    String caseId,
    String communityId,
    LocalDate occurredOn,
    FraudCategory category,
    BigDecimal lossYuan,
    TargetGroup victimGroup) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.fraudCase(caseId);
  }
}
