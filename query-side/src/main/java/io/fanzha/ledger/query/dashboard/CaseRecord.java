package io.fanzha.ledger.query.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A fraud case with its loss, keyed by its id, for the trend of cases and losses. */
@Document(CaseRecord.COLLECTION)
public record CaseRecord(
    @Id String caseId,
    String communityId,
    LocalDate occurredOn,
    BigDecimal lossYuan,
    String eventId,
    Instant recordedAt) {

  public static final String COLLECTION = "dashboard_cases";
}
