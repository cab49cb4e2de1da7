package io.fanzha.ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.fanzha.ledger.command", "io.fanzha.ledger.platform"})
public class CommandSideApplication {

  public static void main(String[] args) {
    System.setProperty("axoniq.update-checker.disabled", "true");
    SpringApplication.run(CommandSideApplication.class, args);
  }
}
