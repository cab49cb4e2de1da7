package io.fanzha.ledger.command.deadline;

import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep's schedule and the relational token store of the deadline index. */
@Configuration
@EnableScheduling
class DeadlineConfig {

  @Bean
  TokenStore tokenStore(DataSource dataSource, Serializer serializer) {
    return JdbcTokenStore.builder()
        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
        .serializer(serializer)
        .schema(
            TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build())
        .contentType(byte[].class)
        .build();
  }
}
