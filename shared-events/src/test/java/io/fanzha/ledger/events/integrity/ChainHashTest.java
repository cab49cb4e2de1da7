package io.fanzha.ledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashTest {

  static StoredEvent event(long position, String aggregate, String payload) {
    return new StoredEvent(
        position,
        "e" + position,
        aggregate,
        0,
        "Unit",
        "2026-03-05T02:00:00Z",
        "io.fanzha.ledger.events.UnitRegistered",
        "1",
        payload.getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyStoredByteCountsAndSoDoesThePreviousLink() {
    StoredEvent original = event(1, "unit:a", "{\"name\":\"东社区\"}");

    String link = ChainHash.link(ChainHash.GENESIS, original);

    assertThat(link).hasSize(64).isEqualTo(ChainHash.link(ChainHash.GENESIS, original));
    assertThat(ChainHash.link(ChainHash.GENESIS, event(1, "unit:a", "{\"name\":\"西社区\"}")))
        .isNotEqualTo(link);
    assertThat(ChainHash.link(ChainHash.GENESIS, event(2, "unit:a", "{\"name\":\"东社区\"}")))
        .isNotEqualTo(link);
    assertThat(ChainHash.link(link, original)).isNotEqualTo(link);
  }

  @Test
  void bytesMovedFromOneFieldToTheNextChangeTheHash() {
    // "unit:ab" + "" and "unit:a" + "b" would hash alike without length prefixes
    StoredEvent a =
        new StoredEvent(1, "e1", "unit:ab", 0, "", "t", "p", "1", new byte[0], new byte[0]);
    StoredEvent b =
        new StoredEvent(1, "e1", "unit:a", 0, "b", "t", "p", "1", new byte[0], new byte[0]);

    assertThat(ChainHash.link(ChainHash.GENESIS, a))
        .isNotEqualTo(ChainHash.link(ChainHash.GENESIS, b));
  }

  @Test
  void theMerkleRootDependsOnEveryLeafAndItsOrder() {
    String x = ChainHash.link(ChainHash.GENESIS, event(1, "unit:a", "{}"));
    String y = ChainHash.link(x, event(2, "unit:b", "{}"));
    String z = ChainHash.link(y, event(3, "unit:c", "{}"));

    String root = ChainHash.merkleRoot(List.of(x, y, z));

    assertThat(root).hasSize(64);
    assertThat(ChainHash.merkleRoot(List.of(y, x, z))).isNotEqualTo(root);
    assertThat(ChainHash.merkleRoot(List.of(x, y))).isNotEqualTo(root);
    assertThat(ChainHash.merkleRoot(List.of())).isEqualTo(ChainHash.GENESIS);
  }

  @Test
  void theMerkleRootPairsNeighboursAndAnOddLastNodeWithItself() throws Exception {
    String x = ChainHash.link(ChainHash.GENESIS, event(1, "unit:a", "{}"));
    String y = ChainHash.link(x, event(2, "unit:b", "{}"));
    String z = ChainHash.link(y, event(3, "unit:c", "{}"));

    // seals already recorded were computed this way: the root must never change
    String xy = sha(x, y);
    String zz = sha(z, z);
    assertThat(ChainHash.merkleRoot(List.of(x, y, z))).isEqualTo(sha(xy, zz));
    assertThat(ChainHash.merkleRoot(List.of(x))).isEqualTo(x);
    assertThat(ChainHash.merkleRoot(List.of(x, y))).isEqualTo(xy);
  }

  private static String sha(String left, String right) throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update(java.util.HexFormat.of().parseHex(left));
    sha.update(java.util.HexFormat.of().parseHex(right));
    return java.util.HexFormat.of().formatHex(sha.digest());
  }
}
