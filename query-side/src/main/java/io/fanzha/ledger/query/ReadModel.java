package io.fanzha.ledger.query;

import java.util.List;

/**
 * A read model as its administration sees it: the processing group that builds it and the MongoDB
 * collections it writes, so that a rebuild can be followed and its result checksummed without
 * knowing the model itself.
 */
public interface ReadModel {

  String processingGroup();

  List<String> collections();
}
