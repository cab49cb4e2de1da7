package io.fanzha.ledger.command.lead;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link LeadTerms}. */
@Configuration
@EnableConfigurationProperties(LeadTerms.class)
class LeadConfig {}
