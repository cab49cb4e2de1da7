package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A street of its own for one test: a street office, one community, this year's campaign and the
 * community's account, all with ids unique to the test, created through the command API.
 */
record TestStreet(
    String run,
    String streetOfficeId,
    String communityId,
    String campaignId,
    String communityUser,
    LedgerClient street,
    LedgerClient community,
    LedgerClient auditor,
    LedgerClient leader) {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static LocalDate today() {
    return LocalDate.now(SHANGHAI);
  }

  /**
   * Creates the street. Its campaign starts on the first of this month and its reports are due on
   * the last day of a month and of the year, so that no deadline is due while a test runs and the
   * audit trail holds only what the test's requests caused.
   */
  static TestStreet create(LedgerStack stack) {
    String run = TestStacks.unique();
    LedgerClient command = LedgerClient.of(stack.commandUrl());
    LedgerClient query = LedgerClient.of(stack.queryUrl());
    LedgerClient street = command.as("street", "street");
    String streetOfficeId = "so-" + run;
    String communityId = "c-" + run;
    String campaignId = "camp-" + run;
    String communityUser = "cu-" + run;
    int year = today().getYear();
    LedgerClient.awaitLogin(street, Duration.ofSeconds(30));

    created(
        street.post(
            "/api/units",
            Map.of("id", streetOfficeId, "name", "测试街道 " + run, "kind", "STREET_OFFICE")));
    created(
        street.post(
            "/api/units",
            Map.of(
                "id",
                communityId,
                "name",
                "测试社区 " + run,
                "kind",
                "COMMUNITY",
                "parentId",
                streetOfficeId,
                "population",
                9_000)));
    created(
        street.post(
            "/api/campaigns",
            Map.of(
                "id",
                campaignId,
                "title",
                year + "年测试街道防范电信诈骗宣传工作方案",
                "jurisdictionUnitId",
                streetOfficeId,
                "startDate",
                today().withDayOfMonth(1),
                "endDate",
                LocalDate.of(year, 12, 31),
                "monthlyReportDueDay",
                31,
                "yearEndReportDue",
                LocalDate.of(year, 12, 31),
                "communityIds",
                List.of(communityId))));
    created(
        street.post(
            "/api/accounts",
            Map.of(
                "username", communityUser,
                "password", communityUser,
                "role", "COMMUNITY",
                "unitId", communityId)));
    return new TestStreet(
        run,
        streetOfficeId,
        communityId,
        campaignId,
        communityUser,
        street,
        command.as(communityUser, communityUser),
        query.as("auditor", "auditor"),
        query.as("leader", "leader"));
  }

  Map<String, Object> publishEvent(String id, LocalDate heldOn) {
    return Map.of(
        "id",
        id,
        "campaignId",
        campaignId,
        "unitId",
        communityId,
        "heldOn",
        heldOn,
        "location",
        Map.of("name", "测试公园", "kind", "PARK"),
        "formats",
        List.of("CONSULTATION_DESK", "LEAFLET"),
        "targetGroups",
        List.of("ELDERLY"),
        "audienceCount",
        120,
        "materialsDistributed",
        300,
        "description",
        "在测试公园设咨询台，发放防诈宣传单。");
  }

  Map<String, Object> penalty(String id, int points) {
    return Map.of(
        "id", id,
        "campaignId", campaignId,
        "unitId", communityId,
        "points", points,
        "reasonCode", "POOR_WORK",
        "description", "抽查发现宣传展板未按要求布置。");
  }

  static LedgerResponse created(LedgerResponse response) {
    assertThat(response.status()).as("answer %s", response).isEqualTo(201);
    return response;
  }
}
