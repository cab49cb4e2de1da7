package io.fanzha.ledger.query;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.AccountOpened;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.CampaignTaskDefined;
import io.fanzha.ledger.events.EvidenceKind;
import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.InspectionConducted;
import io.fanzha.ledger.events.InspectionKind;
import io.fanzha.ledger.events.InspectionRating;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.RectificationCompleted;
import io.fanzha.ledger.events.RectificationOrdered;
import io.fanzha.ledger.events.RectificationOverdue;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.TaskRecurrence;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.events.YearEndReportSubmitted;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.platform.security.Endpoint;
import io.fanzha.ledger.query.audit.AuditEntry;
import io.fanzha.ledger.query.config.QueryEndpointRules;
import io.fanzha.ledger.query.dashboard.CaseRecord;
import io.fanzha.ledger.query.dashboard.EvidenceRecord;
import io.fanzha.ledger.query.dashboard.PublicityRecord;
import io.fanzha.ledger.query.lead.FraudLeadEntry;
import io.fanzha.ledger.query.scorecard.CommunityCases;
import io.fanzha.ledger.query.scorecard.NewestEvent;
import io.fanzha.ledger.query.scorecard.ScoredCampaign;
import io.fanzha.ledger.query.scorecard.ScoredUnit;
import io.fanzha.ledger.query.scorecard.UnitFacts;
import io.fanzha.ledger.query.statistics.StatisticsCampaign;
import io.fanzha.ledger.query.statistics.StatisticsUnit;
import io.fanzha.ledger.query.statistics.UnitMonth;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The query side as deployed: events appended to the event store over H2's TCP socket, read models
 * in the MongoDB stand-in over its socket, answers over HTTP with Basic auth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuerySideIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final List<DomainEventMessage<?>> STREET_HISTORY = streetHistory();
  private static final List<DomainEventMessage<?>> HEXI_HISTORY = hexiHistory();
  private static final int ALL_EVENTS = STREET_HISTORY.size() + HEXI_HISTORY.size();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READ_MODELS =
      List.of(
          AuditEntry.COLLECTION,
          FraudLeadEntry.COLLECTION,
          ScoredCampaign.COLLECTION,
          ScoredUnit.COLLECTION,
          UnitFacts.COLLECTION,
          CommunityCases.COLLECTION,
          NewestEvent.COLLECTION,
          StatisticsCampaign.COLLECTION,
          StatisticsUnit.COLLECTION,
          UnitMonth.COLLECTION,
          PublicityRecord.COLLECTION,
          EvidenceRecord.COLLECTION,
          CaseRecord.COLLECTION);

  @DynamicPropertySource
  static void pointAtTheEmbeddedStores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
  }

  @Autowired private TestRestTemplate http;
  @Autowired private EventStore eventStore;
  @Autowired private EventProcessingConfiguration processing;
  @Autowired private MongoTemplate mongo;
  @Autowired private Generations generations;
  @Autowired private List<ReadModel> readModels;
  @Autowired private Accounts accounts;
  @Autowired private PasswordEncoder passwords;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlerMapping;

  @BeforeEach
  void givenAccountsAndTheStreetsHistory() {
    account("street", Role.STREET_OFFICE, "s1");
    account("auditor", Role.AUDITOR, null);
    account("police", Role.POLICE, null);
    account("leader", Role.LEADERSHIP, null);
    account("c1-staff", Role.COMMUNITY, "c1");
    account("c2-staff", Role.COMMUNITY, "c2");
    account("h1-staff", Role.COMMUNITY, "h1");
    synchronized (STREET_HISTORY) {
      if (eventStore.readEvents("unit:c1").asStream().findAny().isEmpty()) {
        eventStore.publish(STREET_HISTORY);
        eventStore.publish(HEXI_HISTORY);
      }
    }
  }

  @Test
  void theAuditTrailListsEveryEventInLogOrderWithWhoCausedIt() throws Exception {
    // When the audit has caught up
    JsonNode page =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("auditor", "/api/audit?size=500").body(),
                body -> body.path("total").asInt() == ALL_EVENTS);

    // Then
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(500);
    JsonNode first = page.path("items").get(0);
    assertThat(fieldNames(first))
        .containsExactly(
            "eventId",
            "type",
            "aggregateId",
            "sequence",
            "occurredAt",
            "actor",
            "role",
            "unitId",
            "requestId",
            "payload");
    assertThat(first.path("eventId").asText()).isEqualTo(STREET_HISTORY.get(0).getIdentifier());
    assertThat(first.path("type").asText()).isEqualTo("UnitRegistered");
    assertThat(first.path("aggregateId").asText()).isEqualTo("s1");
    assertThat(first.path("actor").asText()).isEqualTo("street");
    assertThat(first.path("role").asText()).isEqualTo("STREET_OFFICE");
    assertThat(first.path("requestId").asText()).isEqualTo("req-street");
    assertThat(first.path("occurredAt").asText()).isEqualTo("2025-12-01T02:00:00Z");
    assertThat(first.path("payload").path("name").asText()).isEqualTo("城关街道");

    // And the unit filter finds what c1 did and what was done about c1
    JsonNode forC1 = get("street", "/api/audit?unitId=c1").body();
    assertThat(texts(forC1.path("items"), "type"))
        .containsExactly(
            "UnitRegistered",
            "CampaignLaunched",
            "AccountOpened",
            "PublishEventHeld",
            "EvidenceSubmitted",
            "FraudLeadReported",
            "UnitPenalized",
            "UnitCommended",
            "PenaltyRevoked");
    JsonNode lead = forC1.path("items").get(5).path("payload");
    assertThat(lead.path("reporter").asText()).isEqualTo("withheld");
    assertThat(forC1.toString()).doesNotContain("王五", "13700001111");

    // And the other filters narrow it
    assertThat(get("auditor", "/api/audit?type=UnitPenalized").body().path("total").asInt())
        .isEqualTo(2);
    assertThat(get("auditor", "/api/audit?aggregateId=p2").body().path("total").asInt())
        .isEqualTo(2);
    assertThat(get("auditor", "/api/audit?actor=c1-staff").body().path("total").asInt())
        .isEqualTo(3);
    assertThat(
            get("auditor", "/api/audit?from=2026-03-02&to=2026-03-04").body().path("total").asInt())
        .isEqualTo(2);
    JsonNode secondPage = get("auditor", "/api/audit?size=2&page=1").body();
    assertThat(texts(secondPage.path("items"), "eventId"))
        .containsExactly(
            STREET_HISTORY.get(2).getIdentifier(), STREET_HISTORY.get(3).getIdentifier());
  }

  @Test
  void theAuditTrailFiltersByRoleAndRequestAndPagesByACursorWithoutSkipsOrRepeats()
      throws Exception {
    // Given the audit has caught up
    JsonNode all =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("auditor", "/api/audit?size=500").body(),
                body -> body.path("total").asInt() == ALL_EVENTS);

    // When the trail is read seven at a time, each page after the last one's cursor
    List<String> paged = new ArrayList<>();
    long cursor = -1;
    while (true) {
      JsonNode page = get("auditor", "/api/audit?limit=7&after=" + cursor).body();
      if (page.path("items").isEmpty()) {
        assertThat(page.path("nextCursor").isNull()).isTrue();
        break;
      }
      assertThat(page.path("page").isNull()).isTrue();
      assertThat(page.path("total").asInt()).isEqualTo(ALL_EVENTS);
      paged.addAll(texts(page.path("items"), "eventId"));
      cursor = page.path("nextCursor").asLong();
    }

    // Then every event came once, in log order
    assertThat(paged).containsExactlyElementsOf(texts(all.path("items"), "eventId"));
    assertThat(all.path("nextCursor").asLong()).isEqualTo(cursor);

    // And the new filters narrow by the actor's role and the request that caused the event
    assertThat(get("auditor", "/api/audit?role=POLICE").body().path("total").asInt())
        .isEqualTo(get("auditor", "/api/audit?actor=police").body().path("total").asInt())
        .isPositive();
    assertThat(get("auditor", "/api/audit?requestId=req-c1-staff").body().path("total").asInt())
        .isEqualTo(3);
    assertThat(
            get("auditor", "/api/audit?requestId=req-c1-staff&role=STREET_OFFICE")
                .body()
                .path("total")
                .asInt())
        .isZero();
  }

  @Test
  void oneEventIsShownInFullWithAllItsMetadata() throws Exception {
    // Given
    awaitCaughtUp();
    DomainEventMessage<?> lead =
        STREET_HISTORY.stream()
            .filter(e -> e.getPayload() instanceof FraudLeadReported)
            .findFirst()
            .orElseThrow();

    // When
    Answer detail = get("street", "/api/audit/events/" + lead.getIdentifier());

    // Then
    assertThat(detail.status()).isEqualTo(HttpStatus.OK);
    JsonNode event = detail.body();
    assertThat(event.path("eventId").asText()).isEqualTo(lead.getIdentifier());
    assertThat(event.path("type").asText()).isEqualTo("FraudLeadReported");
    assertThat(event.path("aggregateType").asText()).isEqualTo("FraudLead");
    assertThat(event.path("position").isNumber()).isTrue();
    assertThat(event.path("clientAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(event.path("metadata").path("actor").asText()).isEqualTo("c1-staff");
    assertThat(event.path("metadata").path("requestId").asText()).isEqualTo("req-c1-staff");
    assertThat(event.path("payload").path("reporter").asText()).isEqualTo("withheld");
    assertThat(get("street", "/api/audit/events/no-such-event").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aFilteredRangeOfTheAuditTrailDownloadsAsCsvAndAsAWorkbook() throws Exception {
    // Given
    awaitCaughtUp();

    // When
    ResponseEntity<byte[]> csv = download("auditor", "/api/audit?type=UnitPenalized", "text/csv");
    ResponseEntity<byte[]> xlsx =
        download(
            "street",
            "/api/audit?unitId=c1",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    // Then the CSV holds the header and the two penalties
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit.csv");
    String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("position,eventId,occurredAt,type");
    assertThat(lines[1]).contains(",UnitPenalized,Penalty,");

    // And the workbook holds the header and every event about c1
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("type");
      assertThat(sheet.getLastRowNum()).isEqualTo(9);
      assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("UnitRegistered");
    }
  }

  @Test
  void everyReadOfTheAuditTrailIsRecordedForAuditors() throws Exception {
    // Given
    awaitCaughtUp();
    String requestId = "read-" + UUID.randomUUID();

    // When the street office reads the trail under a request id of its own
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Request-Id", requestId);
    http.withBasicAuth("street", "street")
        .exchange(
            "/api/audit?type=UnitPenalized&size=10",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);

    // Then an auditor finds the read, who made it, what was asked and how much was given
    JsonNode reads = get("auditor", "/api/audit/reads?size=500").body();
    JsonNode read = null;
    for (JsonNode item : reads.path("items")) {
      if (requestId.equals(item.path("requestId").asText())) {
        read = item;
      }
    }
    assertThat(read).isNotNull();
    assertThat(read.path("actor").asText()).isEqualTo("street");
    assertThat(read.path("role").asText()).isEqualTo("STREET_OFFICE");
    assertThat(read.path("unitId").asText()).isEqualTo("s1");
    assertThat(read.path("at").asText()).isNotEmpty();
    assertThat(read.path("what").path("path").asText()).isEqualTo("/api/audit");
    assertThat(read.path("what").path("filters").path("type").asText()).isEqualTo("UnitPenalized");
    assertThat(read.path("what").path("filters").path("size").asText()).isEqualTo("10");
    assertThat(read.path("count").asInt()).isEqualTo(2);

    // And only auditors may list the reads
    assertThat(get("street", "/api/audit/reads").status()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aRefusedReadIsInTheAccessTrailWhichOnlyAuditorsList() throws Exception {
    // Given the street office refused the list of audit reads, under a request id of its own
    String requestId = "refused-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Request-Id", requestId);
    ResponseEntity<String> refused =
        http.withBasicAuth("street", "street")
            .exchange("/api/audit/reads", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);

    // When an auditor lists the refusals of the street office
    JsonNode page = get("auditor", "/api/access-trail?kind=FORBIDDEN&actor=street&size=500").body();

    // Then the refusal is there with what was asked, from which application
    JsonNode entry = null;
    for (JsonNode item : page.path("items")) {
      if (requestId.equals(item.path("requestId").asText())) {
        entry = item;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("role").asText()).isEqualTo("STREET_OFFICE");
    assertThat(entry.path("method").asText()).isEqualTo("GET");
    assertThat(entry.path("path").asText()).isEqualTo("/api/audit/reads");
    assertThat(entry.path("application").asText()).isEqualTo("query-side");
    // And a bad filter is refused, and nobody but an auditor may list the trail
    assertThat(get("auditor", "/api/access-trail?kind=NOPE").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("police", "/api/access-trail").status()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theProcessorsShowTheirPositionLagAndState() throws Exception {
    // Given
    awaitCaughtUp();

    // When
    JsonNode processors = get("auditor", "/api/admin/processors").body();

    // Then
    assertThat(texts(processors, "name"))
        .containsExactly(
            "audit", "dashboard", "fraud-leads", "police-lead-outbox", "scorecards", "statistics");
    JsonNode audit = processors.get(0);
    assertThat(audit.path("status").asText()).isEqualTo("running");
    assertThat(audit.path("lag").asLong()).isZero();
    assertThat(audit.path("position").asLong()).isEqualTo(audit.path("headPosition").asLong());
    assertThat(audit.path("segmentCount").asInt()).isEqualTo(1);
    assertThat(get("street", "/api/admin/processors/statistics").body().path("name").asText())
        .isEqualTo("statistics");
    assertThat(get("street", "/api/admin/processors/nothing").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("c1-staff", "/api/admin/processors").status()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void rebuildingEveryReadModelShowsProgressAndEndsWithTheSameChecksums() throws Exception {
    // Given
    awaitCaughtUp();

    // When every read model is rebuilt
    ResponseEntity<String> started =
        http.withBasicAuth("street", "street")
            .postForEntity("/api/admin/processors/all/rebuild", null, String.class);

    // Then it is accepted, with the checksum of each read model it replaces
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode rebuilds = JSON.readTree(started.getBody());
    assertThat(rebuilds).hasSize(5);
    assertThat(rebuilds.get(0).path("rebuild").path("state").asText()).isEqualTo("running");

    // And each one ends with the checksum of the read model it replaced
    for (String name : List.of("audit", "dashboard", "fraud-leads", "scorecards", "statistics")) {
      JsonNode rebuild =
          await()
              .atMost(PATIENCE)
              .until(
                  () -> get("auditor", "/api/admin/processors/" + name).body().path("rebuild"),
                  r -> r.path("state").asText().equals("done"));
      assertThat(rebuild.path("eventsDone").asLong())
          .isEqualTo(rebuild.path("eventsTotal").asLong());
      assertThat(rebuild.path("before").path("sha256").asText()).hasSize(64);
      assertThat(rebuild.path("after").path("sha256").asText())
          .isEqualTo(rebuild.path("before").path("sha256").asText());
      assertThat(rebuild.path("equal").asBoolean()).isTrue();
    }
    awaitCaughtUp();
  }

  @Test
  void theAuditTrailRefusesBadParametersAndOtherRoles() throws Exception {
    Answer tooBig = get("auditor", "/api/audit?size=501");
    assertThat(tooBig.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooBig.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(tooBig.body().path("errors").get(0).path("field").asText()).isEqualTo("size");

    assertThat(get("auditor", "/api/audit?from=yesterday").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/audit?page=x").status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/audit?page=-1").status()).isEqualTo(HttpStatus.BAD_REQUEST);

    Answer community = get("c1-staff", "/api/audit");
    assertThat(community.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(community.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("police", "/api/audit").status()).isEqualTo(HttpStatus.FORBIDDEN);
    // leadership reads everything (issue 7's matrix), records nothing
    assertThat(get("leader", "/api/audit").status()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void leadsReachThePoliceWithoutTheReporterAndUnitsSeeOnlyTheirOwn() throws Exception {
    // When the leads have caught up
    JsonNode all =
        await()
            .atMost(PATIENCE)
            .until(() -> get("police", "/api/fraud-leads").body(), body -> body.size() == 4);

    // Then newest first, without any personal data of the reporter
    assertThat(texts(all, "leadId")).containsExactly("l2", "l1", "hl2", "hl1");
    assertThat(fieldNames(all.get(1)))
        .containsExactly(
            "leadId",
            "reportingUnitId",
            "campaignId",
            "discoveredOn",
            "category",
            "summary",
            "suspect",
            "status",
            "reportedAt",
            "outcomes",
            "state",
            "acknowledgedAt",
            "escalatedAt",
            "age",
            "ageHours",
            "linkedLeadIds",
            "links");
    assertThat(all.get(1).path("status").asText()).isEqualTo("REPORTED");
    assertThat(all.get(1).path("state").asText()).isEqualTo("REPORTED");
    assertThat(all.get(1).path("discoveredOn").asText()).isEqualTo("2026-03-04");
    assertThat(all.get(1).path("suspect").path("phones").get(0).asText()).isEqualTo("13800000000");
    assertThat(all.toString()).doesNotContain("王五", "13700001111", "reporter");

    // And a community sees its own unit's leads only
    assertThat(texts(get("c1-staff", "/api/fraud-leads").body(), "leadId")).containsExactly("l1");
    assertThat(texts(get("street", "/api/fraud-leads?status=REPORTED").body(), "leadId"))
        .containsExactly("l2", "l1", "hl2");
    assertThat(get("street", "/api/fraud-leads?status=LOST").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/fraud-leads").status()).isEqualTo(HttpStatus.FORBIDDEN);

    // And one lead alone, bound to the unit like the list
    assertThat(get("police", "/api/fraud-leads/l2").body().path("leadId").asText()).isEqualTo("l2");
    assertThat(get("c1-staff", "/api/fraud-leads/l1").status()).isEqualTo(HttpStatus.OK);
    assertThat(get("c1-staff", "/api/fraud-leads/l2").status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("police", "/api/fraud-leads/nope").status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(texts(get("street", "/api/fraud-leads?state=REPORTED").body(), "leadId"))
        .containsExactly("l2", "l1", "hl2");
    assertThat(get("street", "/api/fraud-leads?state=LOST").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void scorecardsRankTheCommunitiesAndExplainEachScore() throws Exception {
    // When the scorecards have caught up (the revocation of p2 is the last fact)
    JsonNode standings =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("leader", "/api/scorecards?campaignId=2026").body(),
                body ->
                    body.isArray() && body.size() == 3 && body.get(0).path("score").asInt() == 103);

    // Then
    assertThat(standings.toString())
        .isEqualTo(
            "[{\"unitId\":\"c1\",\"unitName\":\"东门社区\",\"score\":103,\"grade\":\"EXCELLENT\",\"rank\":1},"
                + "{\"unitId\":\"c3\",\"unitName\":\"南门社区\",\"score\":100,\"grade\":\"EXCELLENT\",\"rank\":2},"
                + "{\"unitId\":\"c2\",\"unitName\":\"西门社区\",\"score\":88,\"grade\":\"FAIL\",\"rank\":3}]");

    // And as of 5 March the penalty on c1 was not yet revoked
    JsonNode asOf = get("leader", "/api/scorecards?campaignId=2026&asOf=2026-03-05").body();
    assertThat(texts(asOf, "unitId")).containsExactly("c3", "c1", "c2");
    assertThat(asOf.get(1).path("score").decimalValue()).isEqualByComparingTo("98");

    // And a community reads its own detail, line by line
    JsonNode detail = get("c1-staff", "/api/scorecards/2026/c1?asOf=2026-03-05").body();
    assertThat(fieldNames(detail))
        .containsExactly(
            "unitId",
            "unitName",
            "campaignId",
            "asOf",
            "score",
            "grade",
            "rulebookVersion",
            "lines",
            "publicityEventsByMonth",
            "reportsByMonth",
            "yearEndReport");
    assertThat(detail.path("score").decimalValue()).isEqualByComparingTo("98");
    assertThat(detail.path("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(detail.path("rulebookVersion").asText()).isEqualTo("default-1");
    assertThat(detail.path("lines").toString())
        .isEqualTo(
            "[{\"rule\":\"BASE\",\"points\":100,\"eventIds\":[\""
                + eventId(LineEvent.LAUNCH)
                + "\"]},{\"rule\":\"PENALTY\",\"points\":-5,\"eventIds\":[\""
                + eventId(LineEvent.PENALTY_P2)
                + "\"]},{\"rule\":\"COMMENDATION\",\"points\":3,\"eventIds\":[\""
                + eventId(LineEvent.COMMENDATION_K1)
                + "\"]}]");
    assertThat(detail.path("publicityEventsByMonth").toString()).isEqualTo("{\"2026-03\":1}");
  }

  @Test
  void scorecardsRefuseWhatTheyCannotAnswer() throws Exception {
    await()
        .atMost(PATIENCE)
        .until(
            () -> get("street", "/api/scorecards?campaignId=2026").status(), HttpStatus.OK::equals);

    Answer otherUnit = get("c1-staff", "/api/scorecards/2026/c2");
    assertThat(otherUnit.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherUnit.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("c1-staff", "/api/scorecards?campaignId=2026").status())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("police", "/api/scorecards/2026/c2").status()).isEqualTo(HttpStatus.OK);

    Answer unknownCampaign = get("street", "/api/scorecards/1999/c1");
    assertThat(unknownCampaign.status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownCampaign.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("street", "/api/scorecards/2026/bank1").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("street", "/api/scorecards?campaignId=1999").status())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Answer missing = get("street", "/api/scorecards");
    assertThat(missing.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("campaignId");
    assertThat(get("street", "/api/scorecards?campaignId=2026&asOf=5-3-2026").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("street", "/api/scorecards?campaignId=2026&asOf=2025-12-01").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void scorecardsApplyEveryRuleToTheRecordedFactsAndNameTheEvents() throws Exception {
    // Given every processor caught up with both streets' histories
    awaitCaughtUp();

    // When the standings are asked for without a day: that of the newest event, 10 March
    JsonNode standings = get("leader", "/api/scorecards?campaignId=h2026").body();

    // Then under the rulebook adopted from 15 February
    assertThat(standings.toString())
        .isEqualTo(
            "[{\"unitId\":\"h1\",\"unitName\":\"河东社区\",\"score\":85.5,\"grade\":\"FAIL\",\"rank\":1},"
                + "{\"unitId\":\"h2\",\"unitName\":\"河西社区\",\"score\":79,\"grade\":\"FAIL\",\"rank\":2}]");

    // And h1: February without publicity, an event without evidence, a lead filed, 8 cases per
    // 10,000 residents (above 7, not above 8)
    JsonNode h1 = get("h1-staff", "/api/scorecards/h2026/h1").body();
    assertThat(h1.path("asOf").asText()).isEqualTo("2026-03-10");
    assertThat(h1.path("rulebookVersion").asText()).isEqualTo("street-2");
    assertThat(h1.path("lines").toString())
        .isEqualTo(
            lines(
                line("BASE", "100", null, Hexi.LAUNCH, Hexi.ADOPTED),
                line("PUBLICITY_MONTH_MISSED", "-8", "2026-02", Hexi.FEBRUARY_CLOSED),
                line("EVIDENCE_MISSING", "-1", "2026-01", Hexi.HE2_HELD, Hexi.HE2_WINDOW_CLOSED),
                line("LEAD_CONFIRMED", "0.5", null, Hexi.HL1_FILED),
                line("CASE_RATE", "-6", null, Hexi.CASE1, Hexi.CASE2, Hexi.CASE3, Hexi.CASE4)));
    assertThat(h1.path("reportsByMonth").toString()).isEqualTo("{\"2026-01\":\"ON_TIME\"}");
    assertThat(h1.path("yearEndReport").asText()).isEqualTo("ON_TIME");
    assertThat(h1.path("publicityEventsByMonth").toString()).isEqualTo("{\"2026-01\":2}");

    // And h2: two months without publicity, January's report late, a rectification overdue
    JsonNode h2 = get("street", "/api/scorecards/h2026/h2").body();
    assertThat(h2.path("score").decimalValue()).isEqualByComparingTo("79");
    assertThat(h2.path("lines").toString())
        .isEqualTo(
            lines(
                line("BASE", "100", null, Hexi.LAUNCH, Hexi.ADOPTED),
                line("PUBLICITY_MONTH_MISSED", "-8", "2026-01", Hexi.JANUARY_CLOSED),
                line("PUBLICITY_MONTH_MISSED", "-8", "2026-02", Hexi.FEBRUARY_CLOSED),
                line("REPORT_LATE", "-2", "2026-01", Hexi.H2_JANUARY_LATE, Hexi.H2_JANUARY_MISSED),
                line("RECTIFICATION_OVERDUE", "-3", null, Hexi.RECTIFICATION_OVERDUE)));

    // And the day before the new rulebook, under the launch's
    JsonNode before = get("leader", "/api/scorecards?campaignId=h2026&asOf=2026-02-14").body();
    assertThat(before.toString())
        .isEqualTo(
            "[{\"unitId\":\"h1\",\"unitName\":\"河东社区\",\"score\":93.5,\"grade\":\"PASS\",\"rank\":1},"
                + "{\"unitId\":\"h2\",\"unitName\":\"河西社区\",\"score\":93,\"grade\":\"PASS\",\"rank\":2}]");
    assertThat(
            get("leader", "/api/scorecards/h2026/h2?asOf=2026-02-14")
                .body()
                .path("rulebookVersion")
                .asText())
        .isEqualTo("default-1");
  }

  @Test
  void aMissingReportCountsFromTheDayAfterItsDueDayUntilTheLateOneComesIn() throws Exception {
    // Given
    awaitCaughtUp();

    // Then h2's January report, due on the 25th, missed at 00:00 on the 26th, in on 3 February
    assertThat(scoreOfH2AsOf("2026-01-25")).isEqualTo("100");
    assertThat(scoreOfH2AsOf("2026-01-26")).isEqualTo("95");
    assertThat(scoreOfH2AsOf("2026-02-01")).isEqualTo("90");
    assertThat(scoreOfH2AsOf("2026-02-03")).isEqualTo("93");
    JsonNode february2 = get("street", "/api/scorecards/h2026/h2?asOf=2026-02-02").body();
    assertThat(february2.path("lines").toString())
        .isEqualTo(
            lines(
                line("BASE", "100", null, Hexi.LAUNCH),
                line("PUBLICITY_MONTH_MISSED", "-5", "2026-01", Hexi.JANUARY_CLOSED),
                line("REPORT_MISSING", "-5", "2026-01", Hexi.H2_JANUARY_MISSED)));
    assertThat(february2.path("reportsByMonth").toString()).isEqualTo("{\"2026-01\":\"MISSING\"}");
  }

  @Test
  void theMonthlyStatisticsTallyTheRecordedEventsBesideEachReport() throws Exception {
    // Given
    awaitCaughtUp();

    // When
    Answer table = get("leader", "/api/campaigns/h2026/statistics?month=2026-01");

    // Then
    assertThat(table.status()).isEqualTo(HttpStatus.OK);
    assertThat(table.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(table.body().toString())
        .isEqualTo(
            "{\"campaignId\":\"h2026\",\"month\":\"2026-01\",\"rows\":["
                + "{\"unitId\":\"h1\",\"unitName\":\"河东社区\","
                + "\"tally\":{\"eventsHeld\":2,\"audienceReached\":150,\"materialsDistributed\":200,\"leadsFound\":2},"
                + "\"reported\":{\"eventsHeld\":2,\"audienceReached\":150,\"materialsDistributed\":180,"
                + "\"postersPut\":5,\"smsSent\":0,\"screenBroadcasts\":1,\"householdsVisited\":40,\"leadsFound\":2},"
                + "\"reportLate\":false,\"differences\":{\"materialsDistributed\":-20}},"
                + "{\"unitId\":\"h2\",\"unitName\":\"河西社区\","
                + "\"tally\":{\"eventsHeld\":0,\"audienceReached\":0,\"materialsDistributed\":0,\"leadsFound\":0},"
                + "\"reported\":{\"eventsHeld\":1,\"audienceReached\":60,\"materialsDistributed\":100,"
                + "\"postersPut\":0,\"smsSent\":0,\"screenBroadcasts\":0,\"householdsVisited\":0,\"leadsFound\":0},"
                + "\"reportLate\":true,\"differences\":{\"eventsHeld\":1,\"audienceReached\":60,\"materialsDistributed\":100}}]}");

    // And a community sees its own row only, the police and auditors every row
    assertThat(
            texts(
                get("h1-staff", "/api/campaigns/h2026/statistics?month=2026-01")
                    .body()
                    .path("rows"),
                "unitId"))
        .containsExactly("h1");
    assertThat(
            texts(
                get("police", "/api/campaigns/h2026/statistics?month=2026-01").body().path("rows"),
                "unitId"))
        .containsExactly("h1", "h2");
    assertThat(get("auditor", "/api/campaigns/h2026/statistics?month=2026-02").status())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theMonthlyStatisticsDownloadAsCsvAndAsAWorkbookWithTheRightNumbers() throws Exception {
    // Given
    awaitCaughtUp();

    // When
    ResponseEntity<byte[]> csv =
        download("street", "/api/campaigns/h2026/statistics?month=2026-01", "text/csv");
    ResponseEntity<byte[]> xlsx =
        download(
            "street",
            "/api/campaigns/h2026/statistics?month=2026-01",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    // Then a CSV in UTF-8 with a byte order mark and Chinese headers
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("statistics-h2026-2026-01.csv");
    assertThat(csv.getBody()).startsWith(0xEF, 0xBB, 0xBF);
    String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines[0]).startsWith("单位,单位编号,宣传活动场次（台账）");
    assertThat(lines[1]).isEqualTo("河东社区,h1,2,150,200,2,2,150,180,5,0,1,40,2,按时上报,发放宣传资料 -20");

    // And a workbook that opens with the title, the month and the numbers
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("statistics-h2026-2026-01.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("开展打击防范电信诈骗犯罪活动宣传工作情况统计表");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("月份：2026-01");
      Row h1 = sheet.getRow(3);
      assertThat(h1.getCell(0).getStringCellValue()).isEqualTo("河东社区");
      assertThat(h1.getCell(2).getNumericCellValue()).isEqualTo(2);
      assertThat(h1.getCell(3).getNumericCellValue()).isEqualTo(150);
      assertThat(h1.getCell(4).getNumericCellValue()).isEqualTo(200);
      assertThat(h1.getCell(5).getNumericCellValue()).isEqualTo(2);
      assertThat(h1.getCell(8).getNumericCellValue()).isEqualTo(180);
      Row h2 = sheet.getRow(4);
      assertThat(h2.getCell(6).getNumericCellValue()).isEqualTo(1);
      assertThat(h2.getCell(14).getStringCellValue()).isEqualTo("逾期上报");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
    }
  }

  @Test
  void theMonthlyStatisticsRefuseUnknownCampaignsAndBadMonths() throws Exception {
    // Given
    awaitCaughtUp();

    // Then
    Answer unknown = get("street", "/api/campaigns/1999/statistics?month=2026-01");
    assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ResponseEntity<byte[]> unknownAsCsv =
        download("street", "/api/campaigns/1999/statistics?month=2026-01", "text/csv");
    assertThat(unknownAsCsv.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownAsCsv.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    for (String month : List.of("2026-1", "January", "2026-13", "2026-01-01", "2026-07")) {
      Answer bad = get("street", "/api/campaigns/h2026/statistics?month=" + month);
      assertThat(bad.status()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(bad.body().path("errors").get(0).path("field").asText()).isEqualTo("month");
    }
    assertThat(get("street", "/api/campaigns/h2026/statistics").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            download("street", "/api/campaigns/h2026/statistics?month=2026-01", "image/png")
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
  }

  @Test
  void leadOutcomesMoveTheLeadsStatusAndAreKeptInItsHistory() throws Exception {
    // Given
    awaitCaughtUp();

    // When
    JsonNode filed = get("police", "/api/fraud-leads?status=CASE_FILED").body();

    // Then
    assertThat(texts(filed, "leadId")).containsExactly("hl1");
    assertThat(texts(filed.get(0).path("outcomes"), "outcome"))
        .containsExactly("UNDER_INVESTIGATION", "CASE_FILED");
    assertThat(filed.get(0).path("outcomes").get(1).path("recordedAt").asText())
        .isEqualTo("2026-02-05T02:00:00Z");
    assertThat(texts(get("h1-staff", "/api/fraud-leads").body(), "status"))
        .containsExactly("REPORTED", "CASE_FILED");
    assertThat(get("police", "/api/fraud-leads?status=INVALID").body()).isEmpty();
  }

  @Test
  void everyFactOfTheRulesIsAuditedWithItsPayload() throws Exception {
    // Given
    awaitCaughtUp();

    // Then no type is unknown here: each is recorded with its payload
    for (String type :
        List.of(
            "CampaignTaskDefined",
            "ScoringRulesAdopted",
            "CampaignMonthClosed",
            "MonthlyReportSubmitted",
            "YearEndReportSubmitted",
            "ReportDeadlineMissed",
            "EvidenceWindowClosed",
            "InspectionConducted",
            "RectificationOrdered",
            "RectificationCompleted",
            "RectificationOverdue",
            "FraudCaseRecorded",
            "LeadOutcomeRecorded")) {
      JsonNode page = get("auditor", "/api/audit?type=" + type).body();
      assertThat(page.path("total").asInt()).as(type).isPositive();
      page.path("items")
          .forEach(item -> assertThat(item.path("payload").isObject()).as(type).isTrue());
    }
    JsonNode closed = get("auditor", "/api/audit?type=CampaignMonthClosed").body();
    assertThat(closed.path("items").get(0).path("payload").path("month").asText())
        .isEqualTo("2026-01");
    assertThat(
            texts(
                get("auditor", "/api/audit?unitId=h2&type=FraudCaseRecorded").body().path("items"),
                "type"))
        .isEmpty();
    assertThat(
            get("auditor", "/api/audit?unitId=h1&type=FraudCaseRecorded")
                .body()
                .path("total")
                .asInt())
        .isEqualTo(4);
  }

  @Test
  void everyEndpointIsInTheRoleTable() {
    List<String> mapped =
        handlerMapping.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream())
            .filter(path -> path.startsWith("/api/") || path.equals("/dashboard"))
            .map(path -> path.replaceAll("\\{[^}]+}", "*"))
            .collect(Collectors.toCollection(ArrayList::new));
    // the dashboard's files and ECharts, served by Spring's static resource handlers
    mapped.addAll(List.of("/dashboard/**", "/webjars/**"));
    assertThat(QueryEndpointRules.ENDPOINTS)
        .extracting(Endpoint::path)
        .containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void healthIsOpenAndAnswersWithoutCredentials() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    assertThat(
            http.withBasicAuth("street", "wrong")
                .getForEntity("/api/audit", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void replayingEveryProcessorRebuildsIdenticalReadModels() throws Exception {
    // Given every processor caught up with the history
    awaitCaughtUp();
    Map<String, List<Document>> before = readModels();
    assertThat(before.get(AuditEntry.COLLECTION)).hasSize(ALL_EVENTS);

    // When every processor is reset to the start of the log and replays it
    for (StreamingEventProcessor processor : streamingProcessors()) {
      processor.shutDown();
      processor.resetTokens();
      processor.start();
    }
    awaitCaughtUp();

    // Then every read model is as it was
    assertThat(readModels()).isEqualTo(before);
  }

  /**
   * Every segment of every processor has handled the last event of the log. After a reset Axon
   * reports "replaying" until an event beyond the reset point arrives, so the reset position is
   * compared rather than that flag.
   */
  private void awaitCaughtUp() {
    long head = eventStore.createHeadToken().position().orElseThrow();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                streamingProcessors().stream()
                    .map(StreamingEventProcessor::processingStatus)
                    .allMatch(
                        status ->
                            !status.isEmpty()
                                && status.values().stream().allMatch(s -> handledUpTo(s, head))));
  }

  private static boolean handledUpTo(EventTrackerStatus status, long head) {
    long position = status.getCurrentPosition().orElse(-1);
    return status.isCaughtUp()
        && position >= head
        && position >= status.getResetPosition().orElse(-1);
  }

  private List<StreamingEventProcessor> streamingProcessors() {
    List<StreamingEventProcessor> processors =
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .toList();
    assertThat(processing.eventProcessors().keySet())
        .containsExactlyInAnyOrder(
            "audit", "dashboard", "fraud-leads", "police-lead-outbox", "scorecards", "statistics");
    return processors;
  }

  private Map<String, List<Document>> readModels() {
    Map<String, List<Document>> models = new LinkedHashMap<>();
    for (String collection : READ_MODELS) {
      String group =
          readModels.stream()
              .filter(m -> m.collections().contains(collection))
              .findFirst()
              .orElseThrow()
              .processingGroup();
      models.put(
          collection,
          mongo.findAll(Document.class, generations.live(group).of(collection)).stream()
              .sorted(Comparator.comparing(d -> String.valueOf(d.get("_id"))))
              .toList());
    }
    return models;
  }

  private void account(String username, Role role, String unitId) {
    accounts.insertIfAbsent(new Account(username, passwords.encode(username), role, unitId));
  }

  private record Answer(HttpStatus status, MediaType contentType, JsonNode body) {}

  private Answer get(String user, String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(user, user).getForEntity(path, String.class);
    String body = answer.getBody();
    return new Answer(
        HttpStatus.valueOf(answer.getStatusCode().value()),
        answer.getHeaders().getContentType(),
        body == null ? JSON.nullNode() : JSON.readTree(body));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Positions in {@link #STREET_HISTORY} of the events a scorecard line rests on. */
  private enum LineEvent {
    LAUNCH(4),
    PENALTY_P2(11),
    COMMENDATION_K1(12);

    final int index;

    LineEvent(int index) {
      this.index = index;
    }
  }

  private static String eventId(LineEvent which) {
    return STREET_HISTORY.get(which.index).getIdentifier();
  }

  /** A street with three communities through March 2026, in log order. */
  private static List<DomainEventMessage<?>> streetHistory() {
    Map<String, String> street = by("street", "STREET_OFFICE", "s1");
    Map<String, String> c1 = by("c1-staff", "COMMUNITY", "c1");
    Map<String, String> c2 = by("c2-staff", "COMMUNITY", "c2");
    return List.of(
        event(
            "Unit",
            "s1",
            0,
            new UnitRegistered("s1", "城关街道", UnitKind.STREET_OFFICE, null, null),
            "2025-12-01T02:00:00Z",
            street),
        event(
            "Unit",
            "c1",
            0,
            new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 8000),
            "2025-12-01T02:01:00Z",
            street),
        event(
            "Unit",
            "c2",
            0,
            new UnitRegistered("c2", "西门社区", UnitKind.COMMUNITY, "s1", 6000),
            "2025-12-01T02:02:00Z",
            street),
        event(
            "Unit",
            "c3",
            0,
            new UnitRegistered("c3", "南门社区", UnitKind.COMMUNITY, "s1", 5000),
            "2025-12-01T02:03:00Z",
            street),
        event(
            "Campaign",
            "2026",
            0,
            new CampaignLaunched(
                "2026",
                "2026年防范电信诈骗宣传",
                "s1",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                30,
                LocalDate.parse("2026-12-30"),
                List.of("c1", "c2", "c3"),
                null,
                Rulebook.defaultRules()),
            "2026-01-05T02:00:00Z",
            street),
        event(
            "Account",
            "c1-staff",
            0,
            new AccountOpened("c1-staff", Role.COMMUNITY, "c1"),
            "2026-01-06T02:00:00Z",
            street),
        event(
            "PublishEvent",
            "pe1",
            0,
            new PublishEventHeld(
                "pe1",
                "2026",
                "c1",
                LocalDate.parse("2026-03-01"),
                new Location("东门广场", LocationKind.PARK),
                List.of(PublicityFormat.CONSULTATION_DESK, PublicityFormat.LEAFLET),
                List.of(TargetGroup.ELDERLY),
                150,
                400,
                "咨询台"),
            "2026-03-01T08:00:00Z",
            c1),
        event(
            "PublishEvent",
            "pe1",
            1,
            new EvidenceSubmitted(
                "ev1",
                "pe1",
                "2026",
                "c1",
                EvidenceKind.PHOTO,
                "desk.jpg",
                "ab12",
                2048,
                "image/jpeg",
                "gridfs:ev1"),
            "2026-03-01T09:00:00Z",
            c1),
        event(
            "FraudLead",
            "l1",
            0,
            new FraudLeadReported(
                "l1",
                "c1",
                "2026",
                LocalDate.parse("2026-03-04"),
                FraudCategory.FAKE_INVESTMENT,
                "resident offered 'gold futures'",
                new Suspect(List.of("13800000000"), List.of(), List.of()),
                new Reporter("王五", "13700001111")),
            "2026-03-01T10:00:00Z",
            c1),
        event(
            "FraudLead",
            "l2",
            0,
            new FraudLeadReported(
                "l2",
                "c2",
                "2026",
                LocalDate.parse("2026-03-05"),
                FraudCategory.ONLINE_LOAN,
                "loan app",
                new Suspect(null, null, List.of("http://loan.example")),
                null),
            "2026-03-01T11:00:00Z",
            c2),
        event(
            "Penalty",
            "p1",
            0,
            new UnitPenalized(
                "p1",
                "2026",
                "c2",
                new BigDecimal("12"),
                PenaltyReason.CAMPAIGN_NOT_CONDUCTED,
                "no activity",
                List.of()),
            "2026-03-01T12:00:00Z",
            street),
        event(
            "Penalty",
            "p2",
            0,
            new UnitPenalized(
                "p2",
                "2026",
                "c1",
                new BigDecimal("5"),
                PenaltyReason.LATE_MATERIALS,
                "late",
                List.of()),
            "2026-03-02T02:00:00Z",
            street),
        event(
            "Commendation",
            "k1",
            0,
            new UnitCommended("k1", "2026", "c1", new BigDecimal("3"), "good work"),
            "2026-03-03T02:00:00Z",
            street),
        event(
            "Penalty",
            "p2",
            1,
            new PenaltyRevoked("p2", "2026", "c1", "materials were on time"),
            "2026-03-10T02:00:00Z",
            street));
  }

  private String scoreOfH2AsOf(String day) throws Exception {
    return get("street", "/api/scorecards/h2026/h2?asOf=" + day)
        .body()
        .path("score")
        .decimalValue()
        .toPlainString();
  }

  private ResponseEntity<byte[]> download(String user, String path, String accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, accept);
    return http.withBasicAuth(user, user)
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  /** A scorecard line as the API writes it. */
  private static String line(String rule, String points, String period, Hexi... events) {
    StringBuilder json = new StringBuilder("{\"rule\":\"" + rule + "\",\"points\":" + points + ",");
    if (period != null) {
      json.append("\"period\":\"").append(period).append("\",");
    }
    json.append("\"eventIds\":[");
    for (int i = 0; i < events.length; i++) {
      json.append(i > 0 ? "," : "").append('"').append(hexiEventId(events[i])).append('"');
    }
    return json.append("]}").toString();
  }

  private static String lines(String... lines) {
    return "[" + String.join(",", lines) + "]";
  }

  /** Positions in {@link #HEXI_HISTORY} of the events a scorecard line rests on. */
  private enum Hexi {
    LAUNCH(3),
    HE2_HELD(9),
    H2_JANUARY_MISSED(11),
    HE2_WINDOW_CLOSED(12),
    JANUARY_CLOSED(13),
    H2_JANUARY_LATE(15),
    HL1_FILED(16),
    CASE1(17),
    CASE2(18),
    CASE3(19),
    CASE4(20),
    ADOPTED(21),
    RECTIFICATION_OVERDUE(24),
    FEBRUARY_CLOSED(27);

    final int index;

    Hexi(int index) {
      this.index = index;
    }
  }

  private static String hexiEventId(Hexi which) {
    return HEXI_HISTORY.get(which.index).getIdentifier();
  }

  /**
   * A second street, 河西, with two communities through February 2026: every kind of fact the rules
   * rest on, the deadlines stamped at the instants they fell due, in log order. h1 has 5,000
   * residents, h2 10,000; the campaign's monthly reports are due on the 25th.
   */
  private static List<DomainEventMessage<?>> hexiHistory() {
    Map<String, String> street = by("hexi-street", "STREET_OFFICE", "s2");
    Map<String, String> h1 = by("h1-staff", "COMMUNITY", "h1");
    Map<String, String> h2 = by("h2-staff", "COMMUNITY", "h2");
    Map<String, String> police = by("police", "POLICE", null);
    Map<String, String> deadline = by("deadlines", "STREET_OFFICE", null);
    ReportStatistics h1January = new ReportStatistics(2, 150, 180, 5, 0, 1, 40, 2);
    Rulebook base = Rulebook.defaultRules();
    Rulebook street2 =
        new Rulebook(
            "street-2",
            base.basePoints(),
            new BigDecimal("8"),
            base.evidenceMissing(),
            base.evidenceWindowDays(),
            base.reportLate(),
            base.reportMissing(),
            base.rectificationOverdue(),
            base.commendationCapPerYear(),
            base.leadConfirmed(),
            base.leadConfirmedCapPerYear(),
            base.caseRateBands(),
            base.excellentFrom(),
            base.passFrom());
    List<DomainEventMessage<?>> history = new ArrayList<>();
    history.add(
        event(
            "Unit",
            "s2",
            0,
            new UnitRegistered("s2", "河西街道", UnitKind.STREET_OFFICE, null, null),
            "2025-12-01T03:00:00Z",
            street));
    history.add(
        event(
            "Unit",
            "h1",
            0,
            new UnitRegistered("h1", "河东社区", UnitKind.COMMUNITY, "s2", 5000),
            "2025-12-01T03:01:00Z",
            street));
    history.add(
        event(
            "Unit",
            "h2",
            0,
            new UnitRegistered("h2", "河西社区", UnitKind.COMMUNITY, "s2", 10000),
            "2025-12-01T03:02:00Z",
            street));
    history.add(
        event(
            "Campaign",
            "h2026",
            0,
            new CampaignLaunched(
                "h2026",
                "河西街道2026年上半年反诈宣传",
                "s2",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-06-30"),
                25,
                LocalDate.parse("2026-06-28"),
                List.of("h1", "h2"),
                null,
                base),
            "2025-12-28T02:00:00Z",
            street));
    history.add(
        event(
            "Campaign",
            "h2026",
            1,
            new CampaignTaskDefined(
                "h2026",
                "t1",
                "每月入户走访",
                List.of("h1", "h2"),
                List.of(),
                TaskRecurrence.MONTHLY,
                true),
            "2025-12-28T03:00:00Z",
            street));
    history.add(
        event(
            "PublishEvent",
            "he1",
            0,
            publicity("he1", "h1", "2026-01-10", 100, 200),
            "2026-01-10T04:00:00Z",
            h1));
    history.add(
        event(
            "FraudLead",
            "hl1",
            0,
            new FraudLeadReported(
                "hl1",
                "h1",
                "h2026",
                LocalDate.parse("2026-01-12"),
                FraudCategory.ORDER_BRUSHING,
                "刷单",
                new Suspect(List.of("13900000000"), List.of(), List.of()),
                null),
            "2026-01-12T04:00:00Z",
            h1));
    history.add(
        event(
            "FraudLead",
            "hl2",
            0,
            new FraudLeadReported(
                "hl2",
                "h1",
                null,
                LocalDate.parse("2026-01-15"),
                FraudCategory.FAKE_SHOPPING,
                "虚假购物",
                new Suspect(List.of(), List.of(), List.of("http://shop.example")),
                null),
            "2026-01-15T04:00:00Z",
            h1));
    history.add(
        event(
            "PublishEvent",
            "he1",
            1,
            new EvidenceWindowClosed("he1", "h2026", "h1", LocalDate.parse("2026-01-10"), 1),
            "2026-01-17T16:00:00Z",
            deadline));
    history.add(
        event(
            "PublishEvent",
            "he2",
            0,
            publicity("he2", "h1", "2026-01-20", 50, null),
            "2026-01-20T04:00:00Z",
            h1));
    history.add(
        event(
            "MonthlyReport",
            "h2026.h1.2026-01",
            0,
            new MonthlyReportSubmitted(
                "h2026.h1.2026-01",
                "h2026",
                "h1",
                YearMonth.parse("2026-01"),
                h1January,
                "一月小结",
                LocalDate.parse("2026-01-25"),
                false),
            "2026-01-24T04:00:00Z",
            h1));
    history.add(
        event(
            "MonthlyReport",
            "h2026.h2.2026-01",
            0,
            new ReportDeadlineMissed(
                "h2026.h2.2026-01",
                "h2026",
                "h2",
                ReportKind.MONTHLY,
                YearMonth.parse("2026-01"),
                LocalDate.parse("2026-01-25")),
            "2026-01-25T16:00:00Z",
            deadline));
    history.add(
        event(
            "PublishEvent",
            "he2",
            1,
            new EvidenceWindowClosed("he2", "h2026", "h1", LocalDate.parse("2026-01-20"), 0),
            "2026-01-27T16:00:00Z",
            deadline));
    history.add(
        event(
            "Campaign",
            "h2026",
            2,
            new CampaignMonthClosed("h2026", YearMonth.parse("2026-01")),
            "2026-01-31T16:00:00Z",
            deadline));
    history.add(
        event(
            "FraudLead",
            "hl1",
            1,
            new LeadOutcomeRecorded("hl1", "h1", "h2026", LeadOutcome.UNDER_INVESTIGATION, "核查中"),
            "2026-02-02T02:00:00Z",
            police));
    history.add(
        event(
            "MonthlyReport",
            "h2026.h2.2026-01",
            1,
            new MonthlyReportSubmitted(
                "h2026.h2.2026-01",
                "h2026",
                "h2",
                YearMonth.parse("2026-01"),
                new ReportStatistics(1, 60, 100, 0, 0, 0, 0, 0),
                null,
                LocalDate.parse("2026-01-25"),
                true),
            "2026-02-03T02:00:00Z",
            h2));
    history.add(
        event(
            "FraudLead",
            "hl1",
            2,
            new LeadOutcomeRecorded("hl1", "h1", "h2026", LeadOutcome.CASE_FILED, "已立案"),
            "2026-02-05T02:00:00Z",
            police));
    String[] occurred = {"2026-01-05", "2026-01-18", "2026-02-02", "2026-02-08"};
    for (int i = 0; i < occurred.length; i++) {
      history.add(
          event(
              "FraudCase",
              "fc" + (i + 1),
              0,
              new FraudCaseRecorded(
                  "fc" + (i + 1),
                  "h1",
                  LocalDate.parse(occurred[i]),
                  FraudCategory.FAKE_INVESTMENT,
                  new BigDecimal("20000"),
                  TargetGroup.ELDERLY),
              "2026-02-10T02:00:0" + i + "Z",
              police));
    }
    history.add(
        event(
            "Campaign",
            "h2026",
            3,
            new ScoringRulesAdopted("h2026", street2, LocalDate.parse("2026-02-15")),
            "2026-02-12T02:00:00Z",
            street));
    history.add(
        event(
            "Inspection",
            "i1",
            0,
            new InspectionConducted(
                "i1",
                "h2026",
                "h2",
                InspectionKind.SPOT_CHECK,
                LocalDate.parse("2026-02-16"),
                "无宣传活动台账",
                InspectionRating.FAIL),
            "2026-02-16T02:00:00Z",
            street));
    history.add(
        event(
            "Rectification",
            "r1",
            0,
            new RectificationOrdered(
                "r1", "h2026", "h2", "i1", "补建宣传台账", LocalDate.parse("2026-02-20")),
            "2026-02-16T03:00:00Z",
            street));
    history.add(
        event(
            "Rectification",
            "r1",
            1,
            new RectificationOverdue("r1", "h2026", "h2", LocalDate.parse("2026-02-20")),
            "2026-02-20T16:00:00Z",
            deadline));
    history.add(
        event(
            "Rectification",
            "r1",
            2,
            new RectificationCompleted("r1", "h2026", "h2", "已补建"),
            "2026-02-22T02:00:00Z",
            h2));
    history.add(
        event(
            "YearEndReport",
            "h2026.h1.year-end",
            0,
            new YearEndReportSubmitted(
                "h2026.h1.year-end",
                "h2026",
                "h1",
                h1January,
                "上半年总结",
                LocalDate.parse("2026-06-28"),
                false),
            "2026-02-25T02:00:00Z",
            h1));
    history.add(
        event(
            "Campaign",
            "h2026",
            4,
            new CampaignMonthClosed("h2026", YearMonth.parse("2026-02")),
            "2026-02-28T16:00:00Z",
            deadline));
    return List.copyOf(history);
  }

  private static PublishEventHeld publicity(
      String id, String unit, String heldOn, int audience, Integer materials) {
    return new PublishEventHeld(
        id,
        "h2026",
        unit,
        LocalDate.parse(heldOn),
        new Location("河西广场", LocationKind.PARK),
        List.of(PublicityFormat.LEAFLET),
        List.of(TargetGroup.ELDERLY),
        audience,
        materials,
        null);
  }

  private static DomainEventMessage<?> event(
      String type, String id, long sequence, Object payload, String at, Map<String, String> meta) {
    String prefix =
        switch (type) {
          case "PublishEvent" -> "publish-event";
          case "FraudLead" -> "lead";
          default -> type.toLowerCase();
        };
    return new GenericDomainEventMessage<>(
        type,
        prefix + ":" + id,
        sequence,
        payload,
        meta,
        UUID.randomUUID().toString(),
        Instant.parse(at));
  }
}
