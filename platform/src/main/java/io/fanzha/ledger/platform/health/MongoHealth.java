package io.fanzha.ledger.platform.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB and the embedded stand-in answer; Boot's own
 * indicator sends {@code hello}, which the stand-in does not know. The ping gets {@code
 * fanzha.health.mongo-timeout}: with MongoDB away the driver would wait for its server selection
 * timeout (30 s), longer than any probe waits.
 */
@Configuration
public class MongoHealth {

  @Bean("mongoHealthContributor")
  HealthIndicator mongoHealthContributor(
      MongoTemplate mongo, @Value("${fanzha.health.mongo-timeout:PT2S}") Duration timeout) {
    Executor pings =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "mongo-health");
              thread.setDaemon(true);
              return thread;
            });
    return () -> {
      try {
        CompletableFuture.runAsync(() -> mongo.executeCommand(new Document("ping", 1)), pings)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Health.up().withDetail("database", mongo.getDb().getName()).build();
      } catch (TimeoutException e) {
        return Health.down().withDetail("error", "no answer within " + timeout).build();
      } catch (ExecutionException e) {
        return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Health.down().withDetail("error", "interrupted").build();
      }
    };
  }
}
