package io.fanzha.ledger.platform.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB and the embedded stand-in answer; Boot's own
 * indicator sends {@code hello}, which the stand-in does not know.
 */
@Configuration
public class MongoHealth {

  @Bean("mongoHealthContributor")
  HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
    return () -> {
      try {
        mongo.executeCommand(new Document("ping", 1));
        return Health.up().withDetail("database", mongo.getDb().getName()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }
}
