package io.fanzha.ledger.platform.pipl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fanzha.ledger.events.Reporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a {@link Reporter} is written into the event store: {@code {"subject", "sealed"}}, the name
 * and phone sealed with AES-GCM under the subject's key (the subject bound in as associated data).
 * Reading opens it with the key, or gives {@link PersonalDataKeys#ERASED} for both fields once the
 * key is gone. The plain form of events written before sealing is still read.
 */
public final class SealedReporters {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private SealedReporters() {}

  /** The Jackson module for the event serializer's mapper, and for nothing that answers clients. */
  public static SimpleModule module(PersonalDataKeys keys) {
    return new SimpleModule("sealed-reporters")
        .addSerializer(Reporter.class, new Sealing(keys))
        .addDeserializer(Reporter.class, new Opening(keys));
  }

  static String seal(byte[] key, String subject, byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  static byte[] open(byte[] key, String subject, String sealed) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("sealed personal data does not open with its key", e);
    }
  }

  private static final class Sealing extends JsonSerializer<Reporter> {

    private final PersonalDataKeys keys;

    Sealing(PersonalDataKeys keys) {
      this.keys = keys;
    }

    @Override
    public void serialize(Reporter reporter, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      String subject = keys.subjectOf(reporter.phone());
      byte[] plain =
          PLAIN.writeValueAsBytes(
              java.util.Map.of("name", reporter.name(), "phone", reporter.phone()));
      json.writeStartObject();
      json.writeStringField("subject", subject);
      json.writeStringField("sealed", seal(keys.keyFor(subject), subject, plain));
      json.writeEndObject();
    }
  }

  private static final class Opening extends JsonDeserializer<Reporter> {

    private final PersonalDataKeys keys;

    Opening(PersonalDataKeys keys) {
      this.keys = keys;
    }

    @Override
    public Reporter deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (!node.has("sealed")) {
        return new Reporter(node.path("name").asText(null), node.path("phone").asText(null));
      }
      String subject = node.path("subject").asText();
      Optional<byte[]> key = keys.existingKey(subject);
      if (key.isEmpty()) {
        return new Reporter(PersonalDataKeys.ERASED, PersonalDataKeys.ERASED);
      }
      JsonNode plain = PLAIN.readTree(open(key.get(), subject, node.path("sealed").asText()));
      return new Reporter(plain.path("name").asText(), plain.path("phone").asText());
    }
  }
}
