package io.fanzha.ledger.command.config;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway repeats a command that lost a race on the event store's unique key. On the
 * second try the aggregate sees what the winner recorded: an identical create answers as the first
 * did, a different one is refused as a conflict. Every other failure is answered at once.
 */
@Configuration
class CommandGatewayConfig {

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService commandRetries() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "command-retry");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  CommandGateway commandGateway(
      CommandBus commandBus,
      ScheduledExecutorService commandRetries,
      @Value("${fanzha.commands.max-retries:3}") int maxRetries) {
    if (maxRetries <= 0) {
      return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }
    IntervalRetryScheduler retryScheduler =
        IntervalRetryScheduler.builder()
            .retryExecutor(commandRetries)
            .retryInterval(25)
            .maxRetryCount(maxRetries)
            .nonTransientFailurePredicate(failure -> !partOfALostRace(failure))
            .build();
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(retryScheduler)
        .build();
  }

  /**
   * Axon asks this of the failure and of each of its causes, and gives up when any answers true; a
   * lost race is the store's unique-key violation, wrapped by Axon.
   */
  private static boolean partOfALostRace(Throwable failure) {
    return failure instanceof ConcurrencyException
        || failure instanceof AggregateStreamCreationException
        || failure instanceof SQLException;
  }
}
