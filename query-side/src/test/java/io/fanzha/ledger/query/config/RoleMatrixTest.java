package io.fanzha.ledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's matrix of who may do what is the table this side enforces, row for row. */
class RoleMatrixTest {

  @Test
  void theReadmeShowsTheQuerySidesTableAsEnforced() throws IOException {
    List<String> enforced =
        QueryEndpointRules.ENDPOINTS.stream().map(e -> e.matrixRow("query")).toList();

    List<String> documented =
        Files.readAllLines(readme()).stream().filter(l -> l.startsWith("| query | `")).toList();

    assertThat(documented)
        .as("the README's query rows should read:%n%s", String.join("\n", enforced))
        .containsExactlyElementsOf(enforced);
  }

  private static Path readme() {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.resolve("README.md");
    return Files.exists(module.resolveSibling("README.md"))
        ? module.resolveSibling("README.md")
        : root;
  }
}
