package io.fanzha.ledger.command.config;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfig {

  /** Copies the recording metadata from each command onto the events it causes. */
  @Bean
  CorrelationDataProvider recordingCorrelation() {
    return new SimpleCorrelationDataProvider(RecordingMetadata.KEYS.toArray(String[]::new));
  }

  @Bean
  CorrelationDataProvider messageOrigin() {
    return new MessageOriginProvider();
  }
}
