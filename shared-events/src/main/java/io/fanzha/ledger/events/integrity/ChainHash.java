package io.fanzha.ledger.events.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes of the chain and of a period's Merkle tree. Every field is length-prefixed, so no two
 * different events can be made to hash alike by moving bytes from one field to the next.
 */
public final class ChainHash {

  public static final String GENESIS = "0".repeat(64);

  private ChainHash() {}

  /** The link of {@code event} after {@code previous}. */
  public static String link(String previous, StoredEvent event) {
    MessageDigest sha = sha256();
    field(sha, previous.getBytes(StandardCharsets.US_ASCII));
    sha.update(ByteBuffer.allocate(8).putLong(event.position()).array());
    field(sha, text(event.eventId()));
    field(sha, text(event.aggregateId()));
    sha.update(ByteBuffer.allocate(8).putLong(event.sequence()).array());
    field(sha, text(event.aggregateType()));
    field(sha, text(event.timestamp()));
    field(sha, text(event.payloadType()));
    field(sha, text(event.payloadRevision()));
    field(sha, event.payload());
    field(sha, event.metaData());
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The Merkle root over hashes in order; an odd last node is paired with itself. */
  public static String merkleRoot(List<String> hashes) {
    if (hashes.isEmpty()) {
      return GENESIS;
    }
    List<String> level = hashes;
    while (level.size() > 1) {
      List<String> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        String left = level.get(i);
        String right = i + 1 < level.size() ? level.get(i + 1) : left;
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(left));
        sha.update(HexFormat.of().parseHex(right));
        next.add(HexFormat.of().formatHex(sha.digest()));
      }
      level = next;
    }
    return level.get(0);
  }

  private static byte[] text(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  private static void field(MessageDigest sha, byte[] bytes) {
    if (bytes == null) {
      sha.update(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
