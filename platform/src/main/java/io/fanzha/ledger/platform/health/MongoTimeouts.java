package io.fanzha.ledger.platform.health;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A MongoDB that cannot be reached is known within 3 s instead of the driver's 30: the health
 * answers DOWN while an operator still waits for it, and a request that needs MongoDB is answered
 * 503 rather than held. Only the wait for a reachable server changes; nothing when MongoDB is up.
 */
@Configuration
public class MongoTimeouts {

  static final long SERVER_SELECTION_SECONDS = 3;

  @Bean
  MongoClientSettingsBuilderCustomizer mongoServerSelectionTimeout() {
    return settings ->
        settings.applyToClusterSettings(
            cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION_SECONDS, TimeUnit.SECONDS));
  }
}
