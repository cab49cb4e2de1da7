package io.fanzha.ledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's matrix of who may do what is the table this side enforces, row for row. */
class RoleMatrixTest {

  @Test
  void theReadmeShowsTheCommandSidesTableAsEnforced() throws IOException {
    List<String> enforced =
        CommandEndpointRules.ENDPOINTS.stream().map(e -> e.matrixRow("command")).toList();

    List<String> documented =
        Files.readAllLines(readme()).stream().filter(l -> l.startsWith("| command | `")).toList();

    assertThat(documented)
        .as("the README's command rows should read:%n%s", String.join("\n", enforced))
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
