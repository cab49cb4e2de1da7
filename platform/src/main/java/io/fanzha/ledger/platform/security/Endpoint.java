package io.fanzha.ledger.platform.security;

import io.fanzha.ledger.events.Role;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * One row of an application's authorisation table: a method (null for any) and path pattern, the
 * roles that may call it, and those of them that act for their own unit only there (the ledger
 * refuses a record for another unit; a read model narrows the answer to the caller's unit).
 */
public record Endpoint(HttpMethod method, String path, List<Role> roles, List<Role> ownUnitOnly) {

  public Endpoint {
    roles = List.copyOf(roles);
    ownUnitOnly = List.copyOf(ownUnitOnly);
    if (!roles.containsAll(ownUnitOnly)) {
      throw new IllegalArgumentException("own-unit roles must be allowed roles: " + path);
    }
  }

  public Endpoint(HttpMethod method, String path, Role... roles) {
    this(method, path, List.of(roles), List.of());
  }

  /** The same row, where {@code bound} may act for their own unit only. */
  public Endpoint ownUnitFor(Role... bound) {
    return new Endpoint(method, path, roles, List.of(bound));
  }

  /** The same row, where every allowed role acts for its own unit only. */
  public Endpoint ownUnitForAll() {
    return new Endpoint(method, path, roles, roles);
  }

  /** {@code METHOD path}, or {@code ANY path}. */
  public String endpoint() {
    return (method == null ? "ANY" : method.name()) + " " + path;
  }

  /**
   * The row as the README's matrix shows it: side, endpoint, then one cell per role in {@link
   * Role}'s order, each ✓, {@code own unit} or —.
   */
  public String matrixRow(String side) {
    String cells =
        Stream.of(Role.values())
            .map(r -> !roles.contains(r) ? "—" : ownUnitOnly.contains(r) ? "own unit" : "✓")
            .collect(Collectors.joining(" | "));
    return "| " + side + " | `" + endpoint() + "` | " + cells + " |";
  }

  String[] roleNames() {
    return roles.stream().map(Role::name).toArray(String[]::new);
  }
}
