package io.fanzha.ledger.query.yearend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fanzha.ledger.events.integrity.StoredEvent;
import io.fanzha.ledger.events.integrity.YearPackageFormat;
import io.fanzha.ledger.query.LedgerDays;
import io.fanzha.ledger.query.scorecard.Scorecards;
import io.fanzha.ledger.query.scorecard.ScoredCampaign;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Packs a year: every event from the first up to the last one stamped within the year (a package
 * verifies from the chain's start), each with its stored bytes and the link the command side stored
 * for it. The events are written to a temporary file as they are read, so a large year is never
 * held in memory.
 */
@Service
@Profile("!axonserver")
public class YearEndPackages {

  private static final Logger log = LoggerFactory.getLogger(YearEndPackages.class);
  private static final String SEAL_TYPE = "io.fanzha.ledger.events.PeriodSealed";

  private final JdbcTemplate jdbc;
  private final Scorecards scorecards;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public YearEndPackages(JdbcTemplate jdbc, Scorecards scorecards) {
    this.jdbc = jdbc;
    this.scorecards = scorecards;
  }

  /** What was packed, for the answer's headers and the audit-read record. */
  public record Packed(int year, long events, long lastPosition) {}

  public Packed write(int year, OutputStream target) {
    Instant end = LedgerDays.endOf(LocalDate.of(year, 12, 31));
    Instant start = LedgerDays.endOf(LocalDate.of(year - 1, 12, 31));
    Long last =
        jdbc.query(
            "SELECT global_index, time_stamp FROM domain_event_entry ORDER BY global_index",
            rs -> {
              long found = 0;
              while (rs.next()) {
                if (Instant.parse(rs.getString(2)).isBefore(end)) {
                  found = rs.getLong(1);
                }
              }
              return found;
            });
    long lastPosition = last == null ? 0 : last;
    Long chained = jdbc.queryForObject("SELECT MAX(global_index) FROM event_chain", Long.class);
    if (lastPosition > 0 && (chained == null || chained < lastPosition)) {
      throw new ChainBehind(lastPosition, chained == null ? 0 : chained);
    }
    Path events = null;
    try {
      events = Files.createTempFile("fanzha-year", ".jsonl");
      long[] count = {0};
      ArrayNode seals = json.createArrayNode();
      MessageDigest eventsDigest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(events), eventsDigest)) {
        jdbc.query(
            con -> {
              var statement =
                  con.prepareStatement(
                      "SELECT e.global_index, e.event_identifier, e.aggregate_identifier,"
                          + " e.sequence_number, e.type, e.time_stamp, e.payload_type,"
                          + " e.payload_revision, e.payload, e.meta_data, c.hash"
                          + " FROM domain_event_entry e LEFT JOIN event_chain c"
                          + " ON c.global_index = e.global_index"
                          + " WHERE e.global_index <= ? ORDER BY e.global_index");
              statement.setLong(1, lastPosition);
              statement.setFetchSize(500);
              return statement;
            },
            rs -> {
              StoredEvent event =
                  new StoredEvent(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getBytes(9),
                      rs.getBytes(10));
              Instant at = event.recordedAt();
              boolean inYear = !at.isBefore(start) && at.isBefore(end);
              try {
                out.write(
                    json.writeValueAsBytes(
                        YearPackageFormat.line(event, rs.getString(11), inYear)));
                out.write('\n');
                if (SEAL_TYPE.equals(event.payloadType())) {
                  seals.add(json.readTree(event.payload()));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              count[0]++;
            });
      }
      byte[] sealBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(seals);
      byte[] scorecardBytes =
          json.writerWithDefaultPrettyPrinter().writeValueAsBytes(scorecardsAtYearEnd(year));
      ObjectNode manifest = json.createObjectNode();
      manifest.put("format", YearPackageFormat.FORMAT);
      manifest.put("year", year);
      manifest.put("events", count[0]);
      manifest.put("lastPosition", lastPosition);
      ObjectNode files = manifest.putObject("files");
      files.put(YearPackageFormat.EVENTS, HexFormat.of().formatHex(eventsDigest.digest()));
      files.put(YearPackageFormat.SEALS, sha256(sealBytes));
      files.put(YearPackageFormat.SCORECARDS, sha256(scorecardBytes));
      try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
        zip.putNextEntry(new ZipEntry(YearPackageFormat.MANIFEST));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.putNextEntry(new ZipEntry(YearPackageFormat.EVENTS));
        Files.copy(events, zip);
        zip.putNextEntry(new ZipEntry(YearPackageFormat.SEALS));
        zip.write(sealBytes);
        zip.putNextEntry(new ZipEntry(YearPackageFormat.SCORECARDS));
        zip.write(scorecardBytes);
      }
      log.info("year-end package {}: {} events up to position {}", year, count[0], lastPosition);
      return new Packed(year, count[0], lastPosition);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    } finally {
      if (events != null) {
        events.toFile().delete();
      }
    }
  }

  /** Standings and every community's lines, as of the year's last day, for each campaign in it. */
  private Map<String, Object> scorecardsAtYearEnd(int year) {
    Map<String, Object> all = new LinkedHashMap<>();
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    for (ScoredCampaign campaign : scorecards.campaigns()) {
      if (campaign.startDate().getYear() > year || campaign.endDate().getYear() < year) {
        continue;
      }
      LocalDate asOf = campaign.endDate().isBefore(yearEnd) ? campaign.endDate() : yearEnd;
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("asOf", asOf);
      one.put("standings", scorecards.standings(campaign.campaignId(), asOf));
      one.put(
          "details",
          campaign.communityIds().stream()
              .distinct()
              .map(unit -> scorecards.detail(campaign.campaignId(), unit, asOf))
              .toList());
      all.put(campaign.campaignId(), one);
    }
    return all;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
