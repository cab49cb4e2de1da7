package io.fanzha.ledger.query.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * How the statistics table is answered, by the request's {@code Accept}: JSON unless CSV or the
 * xlsx type is preferred. Chosen here rather than by three mappings, which Spring could not tell
 * apart for a client that accepts anything.
 */
enum StatisticsFormat {
  JSON(MediaType.APPLICATION_JSON, null),
  CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv"),
  XLSX(
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      "xlsx");

  final MediaType mediaType;
  final String extension;

  StatisticsFormat(MediaType mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  static StatisticsFormat accepting(String accept) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException(supported());
    }
    List<MediaType> refused = accepted.stream().filter(m -> m.getQualityValue() == 0).toList();
    List<MediaType> preferred =
        accepted.stream()
            .filter(m -> m.getQualityValue() > 0)
            .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
            .toList();
    for (MediaType wanted : preferred) {
      for (StatisticsFormat format : values()) {
        if (wanted.includes(format.mediaType)
            && refused.stream().noneMatch(r -> r.includes(format.mediaType))) {
          return format;
        }
      }
    }
    throw new HttpMediaTypeNotAcceptableException(supported());
  }

  private static List<MediaType> supported() {
    return List.of(JSON.mediaType, CSV.mediaType, XLSX.mediaType);
  }
}
