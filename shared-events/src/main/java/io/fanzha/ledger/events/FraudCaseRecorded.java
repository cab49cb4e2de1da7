package io.fanzha.ledger.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The police recorded a fraud case (发案) in a community. */
@Revision("1")
public record FraudCaseRecorded(
    String caseId,
    String communityId,
    LocalDate occurredOn,
    FraudCategory category,
    BigDecimal lossYuan,
    TargetGroup victimGroup) {}
