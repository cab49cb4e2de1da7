package io.fanzha.ledger.command.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small, real files of the kinds evidence may be. */
final class Samples {

  private Samples() {}

  /** A valid one-pixel PNG whose colour makes each call's bytes differ. */
  static byte[] png(int seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
      Deflater deflater = new Deflater();
      deflater.setInput(new byte[] {0, (byte) seed, (byte) (seed >> 8), (byte) (seed >> 16)});
      deflater.finish();
      byte[] buffer = new byte[64];
      int n = deflater.deflate(buffer);
      byte[] data = new byte[n];
      System.arraycopy(buffer, 0, data, 0, n);
      chunk(out, "IDAT", data);
      chunk(out, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.write(int32(data.length));
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.write(int32((int) crc.getValue()));
  }

  private static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
