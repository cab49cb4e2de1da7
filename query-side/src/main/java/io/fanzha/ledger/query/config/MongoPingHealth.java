package io.fanzha.ledger.query.config;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}. Spring Boot's own indicator sends {@code hello}, which the
 * embedded stand-in (mongo-java-server) does not know; under this bean name it replaces that one.
 */
@Component("mongoHealthIndicator")
public class MongoPingHealth extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  public MongoPingHealth(MongoTemplate mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    builder
        .up()
        .withDetail("database", mongo.getDb().getName())
        .withDetail("ping", answer.get("ok"));
  }
}
