package io.fanzha.ledger.command.datasubject.web;

import io.fanzha.ledger.command.datasubject.EraseDataSubject;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person asks, by the phone number they gave, to be erased. The key goes first and the fact is
 * recorded after: should recording fail, the data is unreadable already and asking again records
 * it.
 */
@RestController
class DataSubjectController {

  private static final Logger log = LoggerFactory.getLogger(DataSubjectController.class);

  private final PersonalDataKeys keys;
  private final CommandGateway commands;

  DataSubjectController(PersonalDataKeys keys, CommandGateway commands) {
    this.keys = keys;
    this.commands = commands;
  }

  record ErasureRequest(@NotNull @Pattern(regexp = "\\+?[0-9][0-9 -]{2,19}") String phone) {

    @Override
    public String toString() {
      return "ErasureRequest[redacted]";
    }
  }

  @PostMapping("/api/data-subjects/erasure")
  ResponseEntity<Map<String, Object>> erase(@Valid @RequestBody ErasureRequest request) {
    String subject = keys.subjectOf(request.phone());
    boolean keyDeleted = keys.erase(subject);
    Boolean recorded = commands.sendAndWait(EraseDataSubject.of(subject));
    log.info("data subject {} erased (key deleted: {})", subject, keyDeleted);
    return ResponseEntity.ok(
        Map.of(
            "subjectId", subject, "erased", true, "alreadyErased", !Boolean.TRUE.equals(recorded)));
  }
}
