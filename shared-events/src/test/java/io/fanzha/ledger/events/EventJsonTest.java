package io.fanzha.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void anEventReadBackFromJsonEqualsTheOneWritten() throws Exception {
    CampaignLaunched launched =
        new CampaignLaunched(
            "y2026",
            "2026年反诈宣传",
            "street",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31),
            30,
            LocalDate.of(2026, 12, 30),
            List.of("east"),
            List.of(new Phase("集中宣传", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 10, 31))),
            Rulebook.defaultRules());

    String json = mapper.writeValueAsString(launched);

    assertThat(json).contains("\"startDate\":\"2026-01-01\"").contains("\"version\":\"default-1\"");
    assertThat(mapper.readValue(json, CampaignLaunched.class)).isEqualTo(launched);
  }

  @Test
  void pointsKeepTheirDecimals() throws Exception {
    UnitPenalized penalized =
        new UnitPenalized(
            "p1", "y2026", "east", new BigDecimal("0.5"), PenaltyReason.OTHER, "d", null);

    UnitPenalized read =
        mapper.readValue(mapper.writeValueAsString(penalized), UnitPenalized.class);

    assertThat(read).isEqualTo(penalized);
    assertThat(read.basisEventIds()).isEmpty();
  }

  @Test
  void aReporterNeverShowsInLogs() {
    assertThat(new Reporter("张三", "13900000000").toString()).doesNotContain("张三", "139");
  }
}
