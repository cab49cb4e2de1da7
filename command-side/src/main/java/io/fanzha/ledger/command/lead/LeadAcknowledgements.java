package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.UnknownReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Acknowledges many leads for a pull-feed client. Every lead must be recorded before any is
 * acknowledged, so a batch naming one unknown lead records nothing.
 */
@Service
public class LeadAcknowledgements {

  private static final Logger log = LoggerFactory.getLogger(LeadAcknowledgements.class);

  private final CommandGateway commands;
  private final References references;

  public LeadAcknowledgements(CommandGateway commands, References references) {
    this.commands = commands;
    this.references = references;
  }

  /**
   * Which leads this batch acknowledged, and which were acknowledged (or had an outcome) before.
   */
  public record Outcome(List<String> acknowledged, List<String> alreadyAcknowledged) {}

  public Outcome acknowledge(List<String> leadIds) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(leadIds));
    for (int i = 0; i < leadIds.size(); i++) {
      String id = leadIds.get(i);
      if (references.lead(id).isEmpty()) {
        throw new UnknownReference("leadIds[" + i + "]", "lead", id);
      }
    }
    List<String> acknowledged = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String id : distinct) {
      Boolean newly = commands.sendAndWait(new AcknowledgeLead(id));
      (Boolean.TRUE.equals(newly) ? acknowledged : already).add(id);
    }
    log.info(
        "leads: {} acknowledged in a batch, {} already were", acknowledged.size(), already.size());
    return new Outcome(acknowledged, already);
  }
}
