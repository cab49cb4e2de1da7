package io.fanzha.ledger.query.leadfeed;

import java.time.Clock;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The police queue and its delivery worker. The queue is declared by Spring AMQP's admin whenever a
 * connection to the broker opens, so the application starts without a broker and declares the queue
 * once one is there. With {@code fanzha.police-feed.enabled=false} nothing is sent; the outbox and
 * the pull feed are kept all the same.
 */
@Configuration
@EnableConfigurationProperties(PoliceFeedProperties.class)
class PoliceFeedConfig {

  @Bean
  @ConditionalOnProperty(
      name = "fanzha.police-feed.enabled",
      havingValue = "true",
      matchIfMissing = true)
  Queue policeLeadQueue(PoliceFeedProperties properties) {
    return QueueBuilder.durable(properties.queue()).build();
  }

  @Bean
  @ConditionalOnProperty(
      name = "fanzha.police-feed.enabled",
      havingValue = "true",
      matchIfMissing = true)
  LeadDelivery leadDelivery(
      OutboxEntries entries,
      RabbitTemplate rabbit,
      AmqpAdmin admin,
      Queue policeLeadQueue,
      PoliceFeedProperties properties) {
    return new LeadDelivery(
        entries,
        new PoliceLeadQueue(rabbit, admin, policeLeadQueue, properties.confirmTimeout().toMillis()),
        properties,
        Clock.systemUTC());
  }
}
