package io.fanzha.ledger.query;

import java.util.List;

/**
 * A read model as its administration sees it: the processing group that builds it, the MongoDB
 * collections it writes (their own names; {@link CollectionNames} places them in a generation), and
 * a fresh projection writing into another generation through a {@link ReadModelWriter}, so that a
 * rebuild can fill that generation beside the live one, follow its progress and checksum the result
 * without knowing the model.
 */
public interface ReadModel {

  String processingGroup();

  List<String> collections();

  /**
   * A new instance of this projection, with no state of its own, writing through {@code target}.
   */
  ReadModel projectionInto(ReadModelWriter target);
}
