package io.fanzha.ledger.command.publishevent.web;

import io.fanzha.ledger.command.publishevent.EvidenceStore;
import io.fanzha.ledger.command.publishevent.RecordPublishEvent;
import io.fanzha.ledger.command.publishevent.SubmitEvidence;
import io.fanzha.ledger.events.EvidenceKind;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.platform.web.LedgerId;
import io.fanzha.ledger.platform.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@RequestMapping("/api/publish-events")
class PublishEventController {

  private final CommandGateway commands;
  private final EvidenceStore evidence;

  PublishEventController(CommandGateway commands, EvidenceStore evidence) {
    this.commands = commands;
    this.evidence = evidence;
  }

  record LocationRequest(@NotBlank @Size(max = 200) String name, @NotNull LocationKind kind) {}

  record PublishEventRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull LocalDate heldOn,
      @NotNull @Valid LocationRequest location,
      @NotEmpty @Size(max = 12) List<@NotNull PublicityFormat> formats,
      @NotEmpty @Size(max = 10) List<@NotNull TargetGroup> targetGroups,
      @NotNull @PositiveOrZero @Max(10_000_000) Integer audienceCount,
      @PositiveOrZero @Max(100_000_000) Integer materialsDistributed,
      @Size(max = 2000) String description,
      @Size(max = 10) List<@NotNull @LedgerId String> cooperatingUnitIds) {}

  @PostMapping
  ResponseEntity<Map<String, String>> record(@Valid @RequestBody PublishEventRequest request) {
    commands.sendAndWait(
        new RecordPublishEvent(
            request.id(),
            request.campaignId(),
            request.unitId(),
            request.heldOn(),
            new Location(request.location().name(), request.location().kind()),
            request.formats(),
            request.targetGroups(),
            request.audienceCount(),
            request.materialsDistributed(),
            request.description(),
            request.cooperatingUnitIds() == null ? List.of() : request.cooperatingUnitIds()));
    return ResponseEntity.created(URI.create("/api/publish-events/" + request.id()))
        .body(Map.of("id", request.id()));
  }

  record EvidenceAnswer(String evidenceId, String sha256, long size, String mediaType) {}

  /**
   * The bytes are stored before the fact is recorded, so an acknowledged EvidenceSubmitted always
   * has its file; when the command is refused the bytes this call stored are removed again.
   */
  @PostMapping(path = "/{id}/evidence", consumes = "multipart/form-data")
  ResponseEntity<EvidenceAnswer> submitEvidence(
      @PathVariable @LedgerId String id,
      @RequestParam("file") MultipartFile file,
      @RequestParam("kind") EvidenceKind kind) {
    if (file.isEmpty()) {
      throw new EmptyEvidence();
    }
    Path temp = null;
    try {
      temp = Files.createTempFile("evidence", ".upload");
      file.transferTo(temp);
      EvidenceStore.Inspected inspected = evidence.inspect(temp);
      if (!EvidenceStore.ACCEPTED.contains(inspected.mediaType())) {
        throw new UnsupportedEvidence(inspected.mediaType());
      }
      String storageRef = EvidenceStore.storageRef(id, inspected.sha256());
      boolean storedNow = evidence.storeIfAbsent(storageRef, temp, inspected);
      String evidenceId;
      try {
        evidenceId =
            commands.sendAndWait(
                new SubmitEvidence(
                    id,
                    kind,
                    fileName(file),
                    inspected.sha256(),
                    inspected.size(),
                    inspected.mediaType(),
                    storageRef));
      } catch (RuntimeException refused) {
        if (storedNow) {
          evidence.delete(storageRef);
        }
        throw refused;
      }
      return ResponseEntity.created(
              URI.create("/api/publish-events/" + id + "/evidence/" + evidenceId))
          .body(
              new EvidenceAnswer(
                  evidenceId, inspected.sha256(), inspected.size(), inspected.mediaType()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        temp.toFile().delete();
      }
    }
  }

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return null;
    }
    String base = Path.of(name.replace('\\', '/')).getFileName().toString();
    return base.length() > 200 ? base.substring(0, 200) : base;
  }

  static class EmptyEvidence extends Refusal {
    EmptyEvidence() {
      super(
          400,
          "validation",
          "The evidence file is empty.",
          List.of(new FieldProblem("file", "must not be empty")));
    }
  }

  static class UnsupportedEvidence extends Refusal {
    UnsupportedEvidence(String mediaType) {
      super(
          415,
          "unsupported-evidence-type",
          "Evidence must be a JPEG, PNG or PDF file; this one is " + mediaType + ".",
          List.of(new FieldProblem("file", "must be JPEG, PNG or PDF")));
    }
  }
}
