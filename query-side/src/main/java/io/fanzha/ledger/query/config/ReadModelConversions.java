package io.fanzha.ledger.query.config;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How read-model values are stored: points as Decimal128, so they stay exact numbers, and calendar
 * dates as {@code YYYY-MM-DD} strings, so that they do not shift with the server's time zone.
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
                .registerConverter(new StringToLocalDate()));
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
}
