package io.fanzha.ledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadModelChecksumTest {

  private static ReadModelStore store;
  private static ReadModelChecksum checksum;

  @BeforeAll
  static void start() {
    store = ReadModelStore.start();
    checksum = new ReadModelChecksum(store.template());
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Test
  void setsWrittenInAnotherOrderHaveTheSameChecksumOtherContentDoesNot() {
    // Given a unit's facts written live (a gap-filling event came last) and rebuilt in log order
    store.template().insert(unit("u1", "e2", "e1"), "facts");
    store.template().insert(unit("u1", "e1", "e2"), "facts_g1");
    store.template().insert(unit("u1", "e1", "e3"), "facts_g2");

    // Then only the content counts
    String live = checksum.of(List.of("facts"), CollectionNames.ORIGINAL).sha256();
    assertThat(checksum.of(List.of("facts"), CollectionNames.generation(1)).sha256())
        .isEqualTo(live);
    assertThat(checksum.of(List.of("facts"), CollectionNames.generation(2)).sha256())
        .isNotEqualTo(live);
    assertThat(checksum.of(List.of("facts"), CollectionNames.ORIGINAL).documents()).isEqualTo(1);
  }

  private static Document unit(String id, String first, String second) {
    return new Document("_id", id)
        .append("facts", List.of(fact(first), fact(second)))
        .append("name", "东门社区");
  }

  private static Document fact(String eventId) {
    return new Document("position", eventId.hashCode()).append("eventId", eventId);
  }
}
