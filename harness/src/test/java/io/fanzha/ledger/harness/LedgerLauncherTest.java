package io.fanzha.ledger.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fanzha.ledger.harness.LedgerLauncher.Arguments;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerLauncherTest {

  @Test
  void runAloneKeepsItsDataUnderDataInTheWorkingDirectory() {
    Arguments arguments = Arguments.parse(new String[] {"run"});

    assertThat(arguments.demo()).isFalse();
    assertThat(arguments.sim()).isFalse();
    assertThat(arguments.data()).isEqualTo(Path.of("data").toAbsolutePath());
  }

  @Test
  void takesDemoSimAndADataDirectory() {
    Arguments arguments = Arguments.parse(new String[] {"run", "--sim", "--demo", "--data=/tmp/x"});

    assertThat(arguments.demo()).isTrue();
    assertThat(arguments.sim()).isTrue();
    assertThat(arguments.data()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> Arguments.parse(new String[] {"run", "--demos"}))
        .hasMessageContaining("--demos");
    assertThatThrownBy(() -> Arguments.parse(new String[] {"start"})).hasMessageContaining("run");
  }

  @Test
  void aDataDirectoryRemembersTheDemoYearItHolds(@TempDir Path data) throws Exception {
    assertThat(LedgerLauncher.demoYearOf(data)).isEmpty();

    Files.writeString(data.resolve(LedgerLauncher.DEMO_YEAR_FILE), "2027\n");
    assertThat(LedgerLauncher.demoYearOf(data)).hasValue(2027);

    Files.writeString(data.resolve(LedgerLauncher.DEMO_YEAR_FILE), "next year");
    assertThat(LedgerLauncher.demoYearOf(data)).isEmpty();
  }
}
