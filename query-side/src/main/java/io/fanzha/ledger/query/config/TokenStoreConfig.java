package io.fanzha.ledger.query.config;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The processors' tracking tokens and dead letters live in MongoDB beside the read models they
 * describe, so a read model and its position are dropped or kept together. MongoDB gives no
 * transaction over both, which is why every projection is idempotent.
 */
@Configuration
public class TokenStoreConfig {

  private static final Logger log = LoggerFactory.getLogger(TokenStoreConfig.class);

  @Bean
  MongoTemplate axonMongoTemplate(
      MongoDatabaseFactory mongo,
      @Value("${fanzha.read-models.token-collection:axon_tracking_tokens}") String tokens,
      @Value("${fanzha.read-models.dead-letter-collection:axon_dead_letters}") String deadLetters) {
    log.info(
        "tracking tokens kept in MongoDB collection {}, dead letters in {}, of database {}",
        tokens,
        deadLetters,
        mongo.getMongoDatabase().getName());
    return DefaultMongoTemplate.builder()
        .mongoDatabase(mongo.getMongoDatabase())
        .trackingTokensCollectionName(tokens)
        .deadLetterCollectionName(deadLetters)
        .build();
  }

  @Bean
  TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
    return MongoTokenStore.builder()
        .mongoTemplate(axonMongoTemplate)
        .serializer(serializer)
        .build();
  }
}
