package io.fanzha.ledger.harness.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.integrity.ChainHash;
import io.fanzha.ledger.events.integrity.StoredEvent;
import io.fanzha.ledger.events.integrity.YearPackageFormat;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Verifies a year-end package: {@code manifest.json} names each file with its SHA-256; {@code
 * events.jsonl} holds every event from the first on, each with its stored bytes (base64) and its
 * chain link, which is recomputed here; every {@code PeriodSealed} among the events is checked
 * against the chain head and the Merkle root it recorded.
 */
public final class YearPackageVerifier {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String SEAL_TYPE = "io.fanzha.ledger.events.PeriodSealed";

  /** What the check found: intact, or the first thing broken and, where it is an event, which. */
  public record Result(
      boolean intact,
      long events,
      int seals,
      String brokenEventId,
      Long brokenPosition,
      String reason) {

    static Result broken(String eventId, Long position, String reason) {
      return new Result(false, 0, 0, eventId, position, reason);
    }
  }

  private record Link(long position, String eventId, LocalDate day, String hash, byte[] seal) {}

  private final ObjectMapper json = new ObjectMapper();

  public Result verify(Path zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return verify(files);
  }

  Result verify(Map<String, byte[]> files) throws IOException {
    byte[] manifestBytes = files.get(YearPackageFormat.MANIFEST);
    if (manifestBytes == null) {
      return Result.broken(null, null, "no manifest.json");
    }
    JsonNode manifest = json.readTree(manifestBytes);
    if (!YearPackageFormat.FORMAT.equals(manifest.path("format").asText())) {
      return Result.broken(null, null, "not a " + YearPackageFormat.FORMAT + " package");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("files").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      byte[] bytes = files.get(file.getKey());
      if (bytes == null) {
        return Result.broken(null, null, file.getKey() + " is missing");
      }
      if (!sha256(bytes).equals(file.getValue().asText())) {
        return Result.broken(null, null, file.getKey() + " does not match the manifest");
      }
    }
    List<Link> links = new ArrayList<>();
    String previous = ChainHash.GENESIS;
    long lastPosition = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new ByteArrayInputStream(files.getOrDefault(YearPackageFormat.EVENTS, new byte[0])),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode e = json.readTree(line);
        StoredEvent event = YearPackageFormat.event(e);
        if (event.position() <= lastPosition) {
          return Result.broken(event.eventId(), event.position(), "out of order");
        }
        String recomputed = ChainHash.link(previous, event);
        if (!recomputed.equals(e.path("hash").asText())) {
          return Result.broken(
              event.eventId(),
              event.position(),
              "hash mismatch: this event, or one before it, was altered, removed or moved");
        }
        links.add(
            new Link(
                event.position(),
                event.eventId(),
                LocalDate.ofInstant(Instant.parse(event.timestamp()), SHANGHAI),
                recomputed,
                SEAL_TYPE.equals(event.payloadType()) ? event.payload() : null));
        previous = recomputed;
        lastPosition = event.position();
      }
    }
    if (links.size() != manifest.path("events").asLong(-1)) {
      return Result.broken(
          null, null, "the manifest counts " + manifest.path("events") + " events");
    }
    int seals = 0;
    for (Link link : links) {
      if (link.seal() != null) {
        seals++;
        String problem = checkSeal(json.readTree(link.seal()), links);
        if (problem != null) {
          return Result.broken(link.eventId(), link.position(), problem);
        }
      }
    }
    return new Result(true, links.size(), seals, null, null, "intact");
  }

  private String checkSeal(JsonNode seal, List<Link> links) {
    long head = seal.path("headPosition").asLong();
    LocalDate from = LocalDate.parse(seal.path("from").asText());
    LocalDate to = LocalDate.parse(seal.path("to").asText());
    String headHash = ChainHash.GENESIS;
    List<String> period = new ArrayList<>();
    for (Link link : links) {
      if (link.position() > head) {
        break;
      }
      headHash = link.hash();
      if (!link.day().isBefore(from) && !link.day().isAfter(to)) {
        period.add(link.hash());
      }
    }
    if (!headHash.equals(seal.path("headHash").asText())) {
      return "seal head differs";
    }
    if (!ChainHash.merkleRoot(period).equals(seal.path("merkleRoot").asText())) {
      return "seal root differs";
    }
    return null;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
