package io.fanzha.ledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Registers {@link RecordingMetadata} on the command bus, apart from the beans Axon needs first.
 */
@Component
class RecordingMetadataRegistration {

  RecordingMetadataRegistration(CommandBus commandBus) {
    commandBus.registerDispatchInterceptor(new RecordingMetadata());
  }
}
