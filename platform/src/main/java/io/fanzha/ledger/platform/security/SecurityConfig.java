package io.fanzha.ledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.platform.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
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

/**
 * Stateless. By default HTTP Basic against the accounts in MongoDB; under profile {@code jwt}
 * OAuth2 bearer tokens instead (see {@link BearerTokens}), and Basic is off. Who may call what is
 * each application's {@link EndpointRules}. Refusals by the security layer answer problem+json like
 * every other.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  AccountAuthenticationProvider accountAuthenticationProvider(
      Accounts accounts,
      PasswordEncoder passwordEncoder,
      @Value("${fanzha.security.remember-credentials:PT5M}") Duration rememberFor) {
    return new AccountAuthenticationProvider(accounts, passwordEncoder, rememberFor);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AccountAuthenticationProvider accountAuthentication,
      EndpointRules endpointRules,
      ObjectMapper objectMapper,
      ObjectProvider<BearerTokens> bearerTokens,
      ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    BearerTokens bearer = bearerTokens.getIfAvailable();
    String challenge = bearer == null ? "Basic realm=\"fanzha-ledger\"" : "Bearer";
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", challenge);
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
              authorize.requestMatchers("/error").permitAll();
              endpointRules.apply(authorize);
              authorize.anyRequest().denyAll();
            });
    return http.build();
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
