package io.fanzha.ledger.harness.endtoend;

import static io.fanzha.ledger.harness.endtoend.TestStreet.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Walks every cell of the README's matrix of who may do what (which {@code RoleMatrixTest} holds
 * equal to the code's tables) on both sides, under HTTP Basic and under {@code jwt}: an allowed
 * role gets past authorisation (an answer that is neither 401 nor 403 nor 5xx; the bodies are
 * empty, so writes are refused as invalid and record nothing), any other role gets 403, and no
 * credentials get 401. Then the unit-bound cells with real data: a community reading and writing
 * another community's.
 */
class AuthorizationMatrixEndToEndIT {

  static final List<String> ROLES =
      List.of("STREET_OFFICE", "COMMUNITY", "POLICE", "PARTNER", "LEADERSHIP", "AUDITOR");

  /** One row of the README's matrix. */
  record Row(String side, String method, String path, Map<String, String> cells) {

    /** The path with its variables filled: the caller's own unit where the cell is own unit. */
    String sample(String role, Map<String, String> unitOf) {
      if (role == null || !cells.get(role).equals("own unit") || !unitOf.containsKey(role)) {
        return path.replace("*", "none");
      }
      return path.replace("*", unitOf.get(role));
    }
  }

  @Test
  void everyCellHoldsUnderHttpBasicAndTheUnitBoundCellsHoldWithRealData() throws IOException {
    try (LedgerStack stack = TestStacks.inMemory(AuthorizationMatrixEndToEndIT.class)) {
      TestStreet street = TestStreet.create(stack);
      String partnerUnit = "bank-" + street.run();
      created(
          street
              .street()
              .post(
                  "/api/units",
                  Map.of("id", partnerUnit, "name", "测试银行网点", "kind", "BANK_BRANCH")));
      created(
          street
              .street()
              .post(
                  "/api/accounts",
                  Map.of(
                      "username",
                      "p-" + street.run(),
                      "password",
                      "p-" + street.run(),
                      "role",
                      "PARTNER",
                      "unitId",
                      partnerUnit)));
      Map<String, String[]> basic =
          Map.of(
              "STREET_OFFICE", new String[] {"street", "street"},
              "COMMUNITY", new String[] {street.communityUser(), street.communityUser()},
              "POLICE", new String[] {"police", "police"},
              "PARTNER", new String[] {"p-" + street.run(), "p-" + street.run()},
              "LEADERSHIP", new String[] {"leader", "leader"},
              "AUDITOR", new String[] {"auditor", "auditor"});

      Map<String, String> unitOf =
          Map.of("COMMUNITY", street.communityId(), "PARTNER", partnerUnit);

      List<String> wrong =
          walk(stack, unitOf, (client, role) -> client.as(basic.get(role)[0], basic.get(role)[1]));

      assertThat(wrong).as("cells the apps do not answer as the README says").isEmpty();
      aCommunityTouchesOnlyItsOwnUnit(stack, street);
    }
  }

  @Test
  void everyCellHoldsUnderJwt() throws IOException {
    try (TestIdentityProvider identity = TestIdentityProvider.start();
        LedgerStack stack =
            LedgerStack.start(
                identity.configure(
                    StackOptions.inMemory(
                        TestStacks.repoRoot(),
                        TestStacks.logDir(AuthorizationMatrixEndToEndIT.class).resolve("jwt"))))) {
      Map<String, String> unit = Map.of("COMMUNITY", "c-jwt", "PARTNER", "bank-jwt");

      List<String> wrong =
          walk(
              stack,
              unit,
              (client, role) ->
                  client.withBearer(
                      identity.token(role.toLowerCase() + ".user", role, unit.get(role))));

      assertThat(wrong).as("cells the apps do not answer as the README says").isEmpty();
    }
  }

  private void aCommunityTouchesOnlyItsOwnUnit(LedgerStack stack, TestStreet street) {
    // Given a second community with its own account, in the same street
    String other = "c2-" + street.run();
    created(
        street
            .street()
            .post(
                "/api/units",
                Map.of(
                    "id",
                    other,
                    "name",
                    "另一社区",
                    "kind",
                    "COMMUNITY",
                    "parentId",
                    street.streetOfficeId(),
                    "population",
                    7000)));
    created(
        street
            .street()
            .post(
                "/api/accounts",
                Map.of(
                    "username",
                    "u2-" + street.run(),
                    "password",
                    "u2-" + street.run(),
                    "role",
                    "COMMUNITY",
                    "unitId",
                    other)));
    LedgerClient otherCommunity =
        LedgerClient.of(stack.commandUrl()).as("u2-" + street.run(), "u2-" + street.run());
    LedgerClient ownReads =
        LedgerClient.of(stack.queryUrl()).as(street.communityUser(), street.communityUser());
    LedgerClient otherReads =
        LedgerClient.of(stack.queryUrl()).as("u2-" + street.run(), "u2-" + street.run());

    // When the other community records for the first one, and the first records its own lead
    LedgerResponse foreignEvent =
        otherCommunity.post(
            "/api/publish-events",
            street.publishEvent("pe-foreign-" + street.run(), TestStreet.today()));
    String leadId = "lead-own-" + street.run();
    created(
        street
            .community()
            .post(
                "/api/fraud-leads",
                Map.of(
                    "id",
                    leadId,
                    "reportingUnitId",
                    street.communityId(),
                    "discoveredOn",
                    TestStreet.today().toString(),
                    "category",
                    "FAKE_INVESTMENT",
                    "summary",
                    "虚假投资群",
                    "suspect",
                    Map.of("phones", List.of("13900000001")))));

    // Then the foreign record is refused, the lead shows to its own community only, and the
    // scorecard detail of one community is closed to the other
    assertThat(foreignEvent.status()).as(foreignEvent.toString()).isEqualTo(403);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ownReads.get("/api/fraud-leads").body().findValuesAsText("leadId"))
                    .contains(leadId));
    assertThat(otherReads.get("/api/fraud-leads").body().findValuesAsText("leadId"))
        .doesNotContain(leadId);
    String detail = "/api/scorecards/" + street.campaignId() + "/" + street.communityId();
    assertThat(otherReads.get(detail).status()).isEqualTo(403);
    assertThat(ownReads.get(detail).status()).isIn(200, 404);
  }

  /** Every cell of every row, plus no credentials; answers the cells that were wrong. */
  private static List<String> walk(
      LedgerStack stack,
      Map<String, String> unitOf,
      BiFunction<LedgerClient, String, LedgerClient> as)
      throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Row row : matrix()) {
      URI base = row.side().equals("command") ? stack.commandUrl() : stack.queryUrl();
      LedgerClient anonymous = LedgerClient.of(base);
      check(
          wrong,
          row,
          "anonymous",
          send(anonymous, row.method(), row.sample(null, unitOf)),
          s -> s == 401);
      for (String role : ROLES) {
        boolean allowed = !row.cells().get(role).equals("—");
        int status = send(as.apply(anonymous, role), row.method(), row.sample(role, unitOf));
        check(
            wrong,
            row,
            role,
            status,
            allowed ? s -> s != 401 && s != 403 && s < 500 : s -> s == 403);
      }
    }
    return wrong;
  }

  private static void check(
      List<String> wrong, Row row, String who, int status, Function<Integer, Boolean> expected) {
    if (!expected.apply(status)) {
      wrong.add(
          row.side()
              + " "
              + row.method()
              + " "
              + row.path()
              + " as "
              + who
              + " ("
              + (who.equals("anonymous") ? "—" : row.cells().get(who))
              + "): "
              + status);
    }
  }

  private static int send(LedgerClient client, String method, String path) {
    return switch (method) {
      case "GET", "ANY" -> client.get(path).status();
      case "POST" -> client.post(path, Map.of()).status();
      case "PUT" -> client.put(path, Map.of()).status();
      case "DELETE" -> client.delete(path).status();
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** The README's matrix: {@code | side | `METHOD path` | cell per role |}. */
  static List<Row> matrix() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(TestStacks.repoRoot().resolve("README.md"))) {
      if (!line.startsWith("| command | `") && !line.startsWith("| query | `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String[] endpoint = cells[2].trim().replace("`", "").split(" ", 2);
      Map<String, String> byRole = new LinkedHashMap<>();
      for (int i = 0; i < ROLES.size(); i++) {
        byRole.put(ROLES.get(i), cells[3 + i].trim());
      }
      rows.add(new Row(cells[1].trim(), endpoint[0], endpoint[1], byRole));
    }
    assertThat(rows).as("the README's matrix").hasSizeGreaterThan(30);
    return rows;
  }
}
