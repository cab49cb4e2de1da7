package io.fanzha.ledger.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails (MongoDB away, say) must not skip the event, as Axon's default logging
 * handler would: the failure goes up to the processor, which backs off and retries the batch.
 * Retrying is safe because every projection is idempotent.
 */
@Configuration
public class ProjectionFailures {

  @Bean
  ConfigurerModule retryFailedProjections() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
  }
}
