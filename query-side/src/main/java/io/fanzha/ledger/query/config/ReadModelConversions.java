package io.fanzha.ledger.query.config;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How read-model values are stored: points as Decimal128, so they stay exact numbers, and calendar
 * dates and months as {@code YYYY-MM-DD} and {@code YYYY-MM} strings, so that they do not shift
 * with the server's time zone.
 */
@Configuration
public class ReadModelConversions {

  @Bean
  MongoCustomConversions mongoCustomConversions() {
    return create();
  }

  /** The conversions, for the application context and for tests that build a template by hand. */
  public static MongoCustomConversions create() {
    return MongoCustomConversions.create(
        adapter ->
            adapter
                .bigDecimal(BigDecimalRepresentation.DECIMAL128)
                .registerConverter(new LocalDateToString())
                .registerConverter(new StringToLocalDate())
                .registerConverter(new YearMonthToString())
                .registerConverter(new StringToYearMonth()));
  }

  @WritingConverter
  static final class LocalDateToString implements Converter<LocalDate, String> {
    @Override
    public String convert(LocalDate source) {
      return source.toString();
    }
  }

  @ReadingConverter
  static final class StringToLocalDate implements Converter<String, LocalDate> {
    @Override
    public LocalDate convert(String source) {
      return LocalDate.parse(source);
    }
  }

  @WritingConverter
  static final class YearMonthToString implements Converter<YearMonth, String> {
    @Override
    public String convert(YearMonth source) {
      return source.toString();
    }
  }

  @ReadingConverter
  static final class StringToYearMonth implements Converter<String, YearMonth> {
    @Override
    public YearMonth convert(String source) {
      return YearMonth.parse(source);
    }
  }
}
