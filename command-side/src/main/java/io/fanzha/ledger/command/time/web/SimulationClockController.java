package io.fanzha.ledger.command.time.web;

import io.fanzha.ledger.command.deadline.SimulatedTime;
import io.fanzha.ledger.platform.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulation clock (profile {@code sim}): reads the time, and moves it forward; every deadline
 * that falls due on the way fires, in order, before the answer.
 */
@RestController
@Profile("sim")
@RequestMapping("/admin/clock")
class SimulationClockController {

  private final SimulatedTime time;

  SimulationClockController(SimulatedTime time) {
    this.time = time;
  }

  record ClockRequest(@NotNull OffsetDateTime now) {}

  @GetMapping
  Map<String, Object> now() {
    return Map.of("now", time.now());
  }

  @PutMapping
  Map<String, Object> moveTo(@Valid @RequestBody ClockRequest request) {
    Instant to = request.now().toInstant();
    try {
      int fired = time.moveTo(to);
      return Map.of("now", time.now(), "deadlinesFired", fired);
    } catch (IllegalArgumentException backwards) {
      throw new ClockGoesForwardOnly(time.now());
    }
  }

  static class ClockGoesForwardOnly extends Refusal {
    ClockGoesForwardOnly(Instant now) {
      super(409, "clock-goes-forward-only", "The clock stands at " + now + " and never goes back.");
    }
  }
}
