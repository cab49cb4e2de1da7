package io.fanzha.ledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessTrail;
import io.fanzha.ledger.platform.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless. By default HTTP Basic against the accounts in MongoDB, with a lockout after repeated
 * failures; under profile {@code jwt} OAuth2 bearer tokens instead (see {@link BearerTokens}), and
 * Basic is off. Who may call what is each application's {@link EndpointRules}. Refusals by the
 * security layer answer problem+json like every other. Browsers get strict headers, and no other
 * origin may call unless {@code fanzha.security.cors.allowed-origins} names it.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  /** Own scripts, styles and images only; data: for inline images and canvas exports. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  LoginLockout loginLockout(
      @Value("${fanzha.security.lockout.max-failures:5}") int maxFailures,
      @Value("${fanzha.security.lockout.duration:PT15M}") Duration lockFor) {
    return new LoginLockout(maxFailures, lockFor, Clock.systemUTC());
  }

  @Bean
  AccountAuthenticationProvider accountAuthenticationProvider(
      Accounts accounts,
      PasswordEncoder passwordEncoder,
      @Value("${fanzha.security.remember-credentials:PT5M}") Duration rememberFor,
      LoginLockout lockout,
      AccessTrail accessTrail) {
    return new AccountAuthenticationProvider(
        accounts, passwordEncoder, rememberFor, lockout, accessTrail);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AccountAuthenticationProvider accountAuthentication,
      EndpointRules endpointRules,
      ObjectMapper objectMapper,
      AccessTrail accessTrail,
      ObjectProvider<BearerTokens> bearerTokens,
      ObjectProvider<JwtDecoder> jwtDecoder,
      @Value("${fanzha.security.cors.allowed-origins:}") List<String> allowedOrigins)
      throws Exception {
    BearerTokens bearer = bearerTokens.getIfAvailable();
    String challenge = bearer == null ? "Basic realm=\"fanzha-ledger\"" : "Bearer";
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", challenge);
          if (e instanceof AccountAuthenticationProvider.AccountLocked locked) {
            long seconds =
                Math.max(
                    1, Duration.between(Clock.systemUTC().instant(), locked.until()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            write(
                response,
                objectMapper,
                HttpStatus.UNAUTHORIZED,
                "account-locked",
                "Too many failed logins: this account is locked for a while; try again later.");
            return;
          }
          write(
              response,
              objectMapper,
              HttpStatus.UNAUTHORIZED,
              "unauthenticated",
              "Valid credentials are required.");
        };
    if (bearer == null) {
      http.authenticationProvider(accountAuthentication)
          .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
    } else {
      JwtDecoder decoder =
          jwtDecoder.getIfAvailable(
              () -> {
                throw new IllegalStateException(
                    "Profile jwt needs spring.security.oauth2.resourceserver.jwt.issuer-uri or"
                        + " .jwk-set-uri");
              });
      http.oauth2ResourceServer(
          oauth2 ->
              oauth2
                  .authenticationEntryPoint(unauthenticated)
                  .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(bearer)));
    }
    http.csrf(csrf -> csrf.disable())
        .cors(cors -> cors.configurationSource(cors(allowedOrigins)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          log.info(
                              "forbidden: {} {} for {}",
                              request.getMethod(),
                              request.getRequestURI(),
                              CurrentUser.get().map(LedgerUser::role).orElse(null));
                          accessTrail.record(AccessKind.FORBIDDEN, "forbidden");
                          write(
                              response,
                              objectMapper,
                              HttpStatus.FORBIDDEN,
                              "forbidden",
                              "Your role may not do this.");
                        }))
        .authorizeHttpRequests(
            authorize -> {
              authorize.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
              // the rest of the actuator (when exposed) tells an attacker too much
              authorize.requestMatchers("/actuator/**").hasRole(Role.STREET_OFFICE.name());
              authorize.requestMatchers("/error").permitAll();
              endpointRules.apply(authorize);
              authorize.anyRequest().denyAll();
            });
    return http.build();
  }

  /** No origin but this one unless configured: then only those, for the API. */
  private static CorsConfigurationSource cors(List<String> allowedOrigins) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins = allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    if (!origins.isEmpty()) {
      CorsConfiguration api = new CorsConfiguration();
      api.setAllowedOrigins(origins);
      api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
      api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Request-Id"));
      api.setExposedHeaders(List.of("Location", "X-Request-Id", "Retry-After"));
      api.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/api/**", api);
    }
    return source;
  }

  private static void write(
      HttpServletResponse response,
      ObjectMapper objectMapper,
      HttpStatus status,
      String slug,
      String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(
        response.getOutputStream(), ProblemHandler.problem(status, slug, detail));
  }
}
