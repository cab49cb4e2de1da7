package io.fanzha.ledger.events.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes of the chain and of a period's Merkle tree. Every field is length-prefixed, so no two
 * different events can be made to hash alike by moving bytes from one field to the next.
 */
public final class ChainHash {

  public static final String GENESIS = "0".repeat(64);

  /** The length of a SHA-256 digest in bytes. */
  public static final int DIGEST = 32;

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
    byte[] leaves = new byte[hashes.size() * DIGEST];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(HexFormat.of().parseHex(hashes.get(i)), 0, leaves, i * DIGEST, DIGEST);
    }
    return merkleRoot(leaves, hashes.size());
  }

  /**
   * The same root over {@code count} hashes of {@value #DIGEST} bytes each, laid end to end in
   * {@code leaves} (which this overwrites): a year of a million events costs 32 MB here rather than
   * a list of strings.
   */
  public static String merkleRoot(byte[] leaves, int count) {
    if (count == 0) {
      return GENESIS;
    }
    MessageDigest sha = sha256();
    int size = count;
    while (size > 1) {
      int next = 0;
      for (int i = 0; i < size; i += 2) {
        int right = i + 1 < size ? i + 1 : i;
        sha.update(leaves, i * DIGEST, DIGEST);
        sha.update(leaves, right * DIGEST, DIGEST);
        try {
          sha.digest(leaves, next * DIGEST, DIGEST);
        } catch (java.security.DigestException impossible) {
          throw new IllegalStateException(impossible);
        }
        next++;
      }
      size = next;
    }
    return HexFormat.of().formatHex(leaves, 0, DIGEST);
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
