package io.fanzha.ledger.command.account.web;

import io.fanzha.ledger.command.account.AccountOpening;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

  private final AccountOpening opening;

  AccountController(AccountOpening opening) {
    this.opening = opening;
  }

  record AccountRequest(
      @NotNull @LedgerId String username,
      @NotNull @Size(min = 6, max = 128) String password,
      @NotNull Role role,
      @LedgerId String unitId) {

    @Override
    public String toString() {
      return "AccountRequest[" + username + ", " + role + "]";
    }
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> open(@Valid @RequestBody AccountRequest request) {
    opening.open(request.username(), request.password(), request.role(), request.unitId());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("username", request.username());
    answer.put("role", request.role());
    answer.put("unitId", request.unitId());
    return ResponseEntity.created(URI.create("/api/accounts/" + request.username())).body(answer);
  }
}
