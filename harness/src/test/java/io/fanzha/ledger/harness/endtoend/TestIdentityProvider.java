package io.fanzha.ledger.harness.endtoend;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An identity provider of the tests' own: a key generated at start, its JWK set served over a real
 * socket, and tokens signed with it. {@link #configure} points a stack's profile {@code jwt} at it.
 */
final class TestIdentityProvider implements AutoCloseable {

  static final String ISSUER = "https://id.fanzha.test";
  static final String KEY_ID = "ledger-test";

  private final HttpServer server;
  private final NimbusJwtEncoder signer;

  private TestIdentityProvider(HttpServer server, NimbusJwtEncoder signer) {
    this.server = server;
    this.signer = signer;
  }

  static TestIdentityProvider start() {
    RSAKey key = rsaKey();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/jwks",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(jwks);
            }
          });
      server.start();
      return new TestIdentityProvider(server, signer(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stack's options with profile {@code jwt} trusting this provider. */
  StackOptions configure(StackOptions options) {
    return options
        .withProfile("jwt")
        .withAppArgs(
            List.of(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                    + "http://127.0.0.1:"
                    + server.getAddress().getPort()
                    + "/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER));
  }

  /** A valid token for ten minutes; {@code role} or {@code unit} null leaves the claim out. */
  String token(String user, String role, String unit) {
    return sign(claims(user, role, unit, ISSUER).build());
  }

  String sign(JwtClaimsSet claims) {
    return sign(signer, claims);
  }

  /** Tokens from a key nobody trusts, under the same key id. */
  static NimbusJwtEncoder stranger() {
    return signer(rsaKey());
  }

  static String sign(NimbusJwtEncoder signer, JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID).build();
    return signer.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  static JwtClaimsSet.Builder claims(String user, String role, String unit, String issuer) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject("sub-" + user)
            .claim("preferred_username", user)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600));
    if (role != null) {
      claims.claim("role", role);
    }
    if (unit != null) {
      claims.claim("unit", unit);
    }
    return claims;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static NimbusJwtEncoder signer(RSAKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
  }

  private static RSAKey rsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(KEY_ID)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
