package io.fanzha.ledger.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of each read model is live, one pointer document per processing group. Queries
 * and the live projections follow the pointer; a rebuild fills the next generation beside the live
 * one and then moves the pointer, so a read model is never empty while it is rebuilt. The pointer
 * is cached: one query-side instance runs the rebuilds (see the architecture notes).
 */
@Component
public class Generations {

  static final String COLLECTION = "read_model_generations";

  private final MongoTemplate mongo;
  private final Map<String, Integer> live = new ConcurrentHashMap<>();

  public Generations(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The live generation's collections, following the pointer when a rebuild moves it. */
  public CollectionNames live(String group) {
    return collection -> CollectionNames.generation(liveGeneration(group)).of(collection);
  }

  public int liveGeneration(String group) {
    return live.computeIfAbsent(group, this::stored);
  }

  /** Makes {@code generation} the one queries read and the live projection writes. */
  public void makeLive(String group, int generation) {
    mongo.upsert(
        query(where("_id").is(group)), new Update().set("generation", generation), COLLECTION);
    live.put(group, generation);
  }

  /** Removes a generation's collections with their indexes; those that do not exist are skipped. */
  public void drop(List<String> collections, CollectionNames generation) {
    collections.stream()
        .map(generation::of)
        .filter(mongo::collectionExists)
        .forEach(mongo::dropCollection);
  }

  private int stored(String group) {
    Document pointer = mongo.findById(group, Document.class, COLLECTION);
    return pointer == null ? 0 : pointer.getInteger("generation", 0);
  }
}
