package io.fanzha.ledger.harness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fanzha.ledger.events.integrity.ChainHash;
import io.fanzha.ledger.events.integrity.StoredEvent;
import io.fanzha.ledger.events.integrity.YearPackageFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearPackageVerifierTest {

  final ObjectMapper json = new ObjectMapper();
  final YearPackageVerifier verifier = new YearPackageVerifier();

  static StoredEvent event(long position, String payloadType, String payload) {
    return new StoredEvent(
        position,
        "e" + position,
        "unit:u" + position,
        0,
        "Unit",
        "2026-03-0" + Math.min(position, 9) + "T02:00:00Z",
        payloadType,
        "1",
        payload.getBytes(StandardCharsets.UTF_8),
        "{\"actor\":\"street\"}".getBytes(StandardCharsets.UTF_8));
  }

  /** Lines for five units, then a seal over them as the command side would record it. */
  List<ObjectNode> history() {
    List<ObjectNode> lines = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    String previous = ChainHash.GENESIS;
    for (long p = 1; p <= 5; p++) {
      StoredEvent e =
          event(p, "io.fanzha.ledger.events.UnitRegistered", "{\"unitId\":\"u" + p + "\"}");
      previous = ChainHash.link(previous, e);
      hashes.add(previous);
      lines.add(YearPackageFormat.line(e, previous, true));
    }
    String seal =
        "{\"sealId\":\"q1\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\",\"eventCount\":5,"
            + "\"merkleRoot\":\""
            + ChainHash.merkleRoot(hashes)
            + "\",\"headPosition\":5,\"headHash\":\""
            + previous
            + "\"}";
    StoredEvent sealEvent = event(6, "io.fanzha.ledger.events.PeriodSealed", seal);
    lines.add(YearPackageFormat.line(sealEvent, ChainHash.link(previous, sealEvent), true));
    return lines;
  }

  Map<String, byte[]> pack(List<ObjectNode> lines) throws Exception {
    StringBuilder events = new StringBuilder();
    for (ObjectNode line : lines) {
      events.append(json.writeValueAsString(line)).append('\n');
    }
    byte[] eventBytes = events.toString().getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = json.createObjectNode();
    manifest.put("format", YearPackageFormat.FORMAT);
    manifest.put("events", lines.size());
    manifest
        .putObject("files")
        .put(YearPackageFormat.EVENTS, YearPackageVerifier.sha256(eventBytes));
    Map<String, byte[]> files = new HashMap<>();
    files.put(YearPackageFormat.MANIFEST, json.writeValueAsBytes(manifest));
    files.put(YearPackageFormat.EVENTS, eventBytes);
    return files;
  }

  @Test
  void anUntouchedPackageIsIntact() throws Exception {
    YearPackageVerifier.Result result = verifier.verify(pack(history()));

    assertThat(result.intact()).isTrue();
    assertThat(result.events()).isEqualTo(6);
    assertThat(result.seals()).isEqualTo(1);
  }

  @Test
  void anAlteredPayloadNamesThatEvent() throws Exception {
    List<ObjectNode> lines = history();
    lines
        .get(2)
        .put(
            "payload",
            java.util.Base64.getEncoder().encodeToString("{\"unitId\":\"x\"}".getBytes()));

    YearPackageVerifier.Result result = verifier.verify(pack(lines));

    assertThat(result.intact()).isFalse();
    assertThat(result.brokenEventId()).isEqualTo("e3");
  }

  @Test
  void aRemovedEventBreaksTheChainAtTheNext() throws Exception {
    List<ObjectNode> lines = history();
    lines.remove(1);

    YearPackageVerifier.Result result = verifier.verify(pack(lines));

    assertThat(result.intact()).isFalse();
    assertThat(result.brokenPosition()).isEqualTo(3L);
  }

  @Test
  void twoSwappedEventsBreakTheChainWhereTheFirstOfThemNowStands() throws Exception {
    List<ObjectNode> lines = history();
    ObjectNode second = lines.get(1);
    lines.set(1, lines.get(2));
    lines.set(2, second);

    YearPackageVerifier.Result result = verifier.verify(pack(lines));

    assertThat(result.intact()).isFalse();
    // the second line now holds event 3, which does not follow event 1
    assertThat(result.brokenPosition()).isEqualTo(3L);
  }

  @Test
  void aChainRewrittenToMatchATamperingIsCaughtByTheSeal() throws Exception {
    List<ObjectNode> lines = history();
    // the forger alters event 2 and recomputes every link after it, but cannot change the seal
    String previous = ChainHash.GENESIS;
    for (int i = 0; i < lines.size(); i++) {
      StoredEvent e = YearPackageFormat.event(lines.get(i));
      if (i == 1) {
        e = event(2, e.payloadType(), "{\"unitId\":\"forged\"}");
      }
      previous = ChainHash.link(previous, e);
      lines.set(i, YearPackageFormat.line(e, previous, true));
    }

    YearPackageVerifier.Result result = verifier.verify(pack(lines));

    assertThat(result.intact()).isFalse();
    assertThat(result.reason()).startsWith("seal");
    assertThat(result.brokenEventId()).isEqualTo("e6");
  }

  @Test
  void aFileThatDoesNotMatchTheManifestIsCaught() throws Exception {
    Map<String, byte[]> files = pack(history());
    files.put(YearPackageFormat.EVENTS, "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.verify(files).intact()).isFalse();
  }
}
