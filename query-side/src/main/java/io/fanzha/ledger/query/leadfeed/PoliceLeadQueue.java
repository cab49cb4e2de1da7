package io.fanzha.ledger.query.leadfeed;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends one outbox entry to the police queue and waits for the broker's confirm. Only an ack for a
 * message that was routed counts: a nack, a message returned as unroutable (the queue is gone), no
 * confirm in time, or no connection at all is a {@link NotDelivered}.
 */
class PoliceLeadQueue {

  static final String SCHEMA_HEADER = "schema";
  static final String SCHEMA_VERSION_HEADER = "schema-version";

  private final RabbitTemplate rabbit;
  private final AmqpAdmin admin;
  private final Queue queue;
  private final long confirmTimeoutMillis;

  PoliceLeadQueue(RabbitTemplate rabbit, AmqpAdmin admin, Queue queue, long confirmTimeoutMillis) {
    this.rabbit = rabbit;
    this.admin = admin;
    this.queue = queue;
    this.confirmTimeoutMillis = confirmTimeoutMillis;
  }

  String name() {
    return queue.getName();
  }

  void send(OutboxEntry entry) {
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(entry.leadId());
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setContentEncoding(StandardCharsets.UTF_8.name());
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    properties.setHeader(SCHEMA_HEADER, PoliceLeadMessage.SCHEMA);
    properties.setHeader(SCHEMA_VERSION_HEADER, PoliceLeadMessage.VERSION);
    Message message = new Message(entry.message().getBytes(StandardCharsets.UTF_8), properties);
    CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
    CorrelationData.Confirm confirm;
    try {
      rabbit.send("", queue.getName(), message, correlation);
      confirm = correlation.getFuture().get(confirmTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (AmqpException e) {
      throw new NotDelivered("broker unreachable: " + rootMessage(e));
    } catch (TimeoutException e) {
      throw new NotDelivered("no confirm within " + confirmTimeoutMillis + " ms");
    } catch (ExecutionException e) {
      throw new NotDelivered("confirm failed: " + rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotDelivered("interrupted while waiting for the confirm");
    }
    if (correlation.getReturned() != null) {
      // The broker keeps the queue unless someone deleted it: declare it again for the next try.
      try {
        admin.declareQueue(queue);
      } catch (AmqpException e) {
        // the next attempt reports it
      }
      throw new NotDelivered(
          "returned unroutable by the broker: " + correlation.getReturned().getReplyText());
    }
    if (!confirm.isAck()) {
      throw new NotDelivered("nacked by the broker: " + confirm.getReason());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
  }

  /** The broker did not take the message; why, in words without personal data. */
  static final class NotDelivered extends RuntimeException {
    NotDelivered(String why) {
      super(why, null, false, false);
    }
  }
}
