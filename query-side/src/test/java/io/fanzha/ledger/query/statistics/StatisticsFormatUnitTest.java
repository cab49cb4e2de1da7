package io.fanzha.ledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class StatisticsFormatUnitTest {

  @ParameterizedTest(name = "{0} answers {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/*|JSON",
        "application/json|JSON",
        "application/*|JSON",
        "text/csv|CSV",
        "text/*|CSV",
        "text/csv;charset=UTF-8|CSV",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|XLSX",
        "text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|XLSX",
        "text/html, text/csv|CSV",
        "application/json;q=0, */*|CSV"
      })
  void theMostPreferredFormatTheTableHasIsChosen(String accept, StatisticsFormat expected)
      throws Exception {
    assertThat(StatisticsFormat.accepting(accept)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void withoutAnAcceptHeaderTheAnswerIsJson(String accept) throws Exception {
    assertThat(StatisticsFormat.accepting(accept)).isEqualTo(StatisticsFormat.JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/png", "text/html", "not a media type"})
  void aFormatTheTableDoesNotHaveIsNotAcceptable(String accept) {
    assertThatThrownBy(() -> StatisticsFormat.accepting(accept))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
  }
}
