package io.fanzha.ledger.query.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.query.lead.SuspectIdentifiers.Identifier;
import io.fanzha.ledger.query.lead.SuspectIdentifiers.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuspectIdentifiersUnitTest {

  @Test
  void aPhoneIsItsDigitsWithoutTheChineseCountryCode() {
    assertThat(SuspectIdentifiers.phone("+86 138-0000-0000")).isEqualTo("13800000000");
    assertThat(SuspectIdentifiers.phone("8613800000000")).isEqualTo("13800000000");
    assertThat(SuspectIdentifiers.phone("138 0000 0000")).isEqualTo("13800000000");
    assertThat(SuspectIdentifiers.phone("+8613800000000")).isEqualTo("13800000000");
  }

  @Test
  void anElevenDigitNumberStartingWith86KeepsItsDigits() {
    assertThat(SuspectIdentifiers.phone("86123456789")).isEqualTo("86123456789");
  }

  @Test
  void anAccountLosesItsSpaces() {
    assertThat(SuspectIdentifiers.account("  wx 12\t34 ")).isEqualTo("wx1234");
  }

  @Test
  void aUrlHasItsSchemeAndHostInLowerCaseAndNoTrailingSlash() {
    assertThat(SuspectIdentifiers.url("HTTP://Gold.Example/")).isEqualTo("http://gold.example");
    assertThat(SuspectIdentifiers.url("https://Shua.Example/Path/A/"))
        .isEqualTo("https://shua.example/Path/A");
    assertThat(SuspectIdentifiers.url("Shua.Example/X?Q=1")).isEqualTo("shua.example/X?Q=1");
  }

  @Test
  void eachIdentifierIsKeptOnceAndEmptyOnesAreLeftOut() {
    List<Identifier> found =
        SuspectIdentifiers.of(
            new Suspect(
                List.of("13800000000", "+86 13800000000", "--"),
                List.of(" "),
                List.of("http://a.example/", "http://A.example")));

    assertThat(found)
        .containsExactly(
            new Identifier(Kind.PHONE, "13800000000"),
            new Identifier(Kind.URL, "http://a.example"));
    assertThat(found.get(1).key()).isEqualTo("URL:http://a.example");
  }
}
