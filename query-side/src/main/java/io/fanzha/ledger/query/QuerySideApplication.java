package io.fanzha.ledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Projections and the query REST API, on port 8081 by default. */
@SpringBootApplication(scanBasePackages = {"io.fanzha.ledger.query", "io.fanzha.ledger.platform"})
public class QuerySideApplication {

  /** Read by Axon's update checker; the ledger does not phone home unless told to. */
  static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
      System.setProperty(UPDATE_CHECKER_DISABLED, "true");
    }
    SpringApplication.run(QuerySideApplication.class, args);
  }
}
