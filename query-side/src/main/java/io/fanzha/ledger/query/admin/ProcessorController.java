package io.fanzha.ledger.query.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The event processors: their state, and rebuilding a read model ({@code all} for every one). */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorController {

  private final Processors processors;

  ProcessorController(Processors processors) {
    this.processors = processors;
  }

  @GetMapping
  List<ProcessorState> all() {
    return processors.all();
  }

  @GetMapping("/{name}")
  ProcessorState one(@PathVariable String name) {
    return processors.one(name);
  }

  @PostMapping("/{name}/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  List<ProcessorState> rebuild(@PathVariable String name) {
    return processors.rebuild(name);
  }
}
