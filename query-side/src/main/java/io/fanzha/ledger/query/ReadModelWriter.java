package io.fanzha.ledger.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The writes a projection makes, into one generation of its collections. Live projections write at
 * once; a rebuild gathers the writes of many events and sends them per collection as one ordered
 * bulk, which keeps their order and saves a round trip per write (projections read nothing back
 * while they handle an event, so nothing waits on a write).
 */
public abstract class ReadModelWriter {

  /** Writes gathered before a rebuild sends them. */
  public static final int BATCH = 2_000;

  protected final MongoTemplate mongo;
  private final CollectionNames names;

  private ReadModelWriter(MongoTemplate mongo, CollectionNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  public static ReadModelWriter direct(MongoTemplate mongo, CollectionNames names) {
    return new Direct(mongo, names);
  }

  public static ReadModelWriter batched(MongoTemplate mongo, CollectionNames names) {
    return new Batched(mongo, names);
  }

  public CollectionNames names() {
    return names;
  }

  public abstract void upsert(Query query, Update update, Class<?> document);

  public abstract void updateFirst(Query query, Update update, Class<?> document);

  /** Stores the document under its id, replacing the one there. */
  public abstract void save(Object document);

  /** Empties the collection, after what was gathered before. */
  public void removeAll(Class<?> document) {
    flush();
    mongo.remove(new Query(), document, names.of(document));
  }

  /** Sends what is gathered; the writes are in MongoDB when this returns. */
  public abstract void flush();

  private static final class Direct extends ReadModelWriter {

    Direct(MongoTemplate mongo, CollectionNames names) {
      super(mongo, names);
    }

    @Override
    public void upsert(Query query, Update update, Class<?> document) {
      mongo.upsert(query, update, document, names().of(document));
    }

    @Override
    public void updateFirst(Query query, Update update, Class<?> document) {
      mongo.updateFirst(query, update, document, names().of(document));
    }

    @Override
    public void save(Object document) {
      mongo.save(document, names().of(document.getClass()));
    }

    @Override
    public void flush() {}
  }

  /**
   * Gathers writes per collection into one ordered bulk. Upserts of one document by its id are
   * merged while they only set, set on insert, add to a set or raise a maximum, the way a stream of
   * events touches a unit's facts: many events then cost one write of the document rather than one
   * rewrite each. Any other write to the collection first sends the merged upserts before it, so
   * every document sees its writes in their order.
   */
  private static final class Batched extends ReadModelWriter {

    private static final Set<String> MERGEABLE =
        Set.of("$set", "$setOnInsert", "$addToSet", "$max");

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private int gathered;

    Batched(MongoTemplate mongo, CollectionNames names) {
      super(mongo, names);
    }

    @Override
    public void upsert(Query query, Update update, Class<?> document) {
      Document criteria = query.getQueryObject();
      Pending collection = pending(document);
      if (criteria.size() == 1 && criteria.containsKey("_id") && mergeable(update)) {
        collection.merge(criteria.get("_id"), update.getUpdateObject());
      } else {
        collection.drain().upsert(query, update);
      }
      gathered();
    }

    @Override
    public void updateFirst(Query query, Update update, Class<?> document) {
      pending(document).drain().updateOne(query, update);
      gathered();
    }

    @Override
    public void save(Object document) {
      Document converted = new Document();
      mongo.getConverter().write(document, converted);
      pending(document.getClass())
          .drain()
          .replaceOne(
              query(where("_id").is(converted.get("_id"))),
              converted,
              FindAndReplaceOptions.options().upsert());
      gathered();
    }

    @Override
    public void flush() {
      pending.values().forEach(p -> p.drain().execute());
      pending.clear();
      gathered = 0;
    }

    private Pending pending(Class<?> document) {
      return pending.computeIfAbsent(
          names().of(document),
          collection ->
              new Pending(mongo.bulkOps(BulkOperations.BulkMode.ORDERED, document, collection)));
    }

    private void gathered() {
      if (++gathered >= BATCH) {
        flush();
      }
    }

    private static boolean mergeable(Update update) {
      return MERGEABLE.containsAll(update.getUpdateObject().keySet());
    }
  }

  /** One collection's bulk, and the upserts by id still being merged ahead of it. */
  private static final class Pending {

    private final BulkOperations bulk;
    private final Map<Object, Document> merging = new LinkedHashMap<>();

    Pending(BulkOperations bulk) {
      this.bulk = bulk;
    }

    void merge(Object id, Document update) {
      Document merged = merging.get(id);
      if (merged != null && !mergeInto(merged, update)) {
        drain();
        merged = null;
      }
      if (merged == null) {
        merging.put(id, copy(update));
      }
    }

    /** The bulk, with the merged upserts added to it first. */
    BulkOperations drain() {
      merging.forEach(
          (id, update) -> bulk.upsert(query(where("_id").is(id)), new BasicUpdate(update)));
      merging.clear();
      return bulk;
    }

    /** Adds {@code update} to {@code merged}, or answers false when they cannot be one write. */
    private static boolean mergeInto(Document merged, Document update) {
      for (Map.Entry<String, Object> operator : update.entrySet()) {
        for (String field : ((Document) operator.getValue()).keySet()) {
          for (String other : merged.keySet()) {
            if (!other.equals(operator.getKey())
                && ((Document) merged.get(other)).containsKey(field)) {
              return false;
            }
          }
        }
      }
      for (Map.Entry<String, Object> operator : update.entrySet()) {
        Document fields = (Document) merged.computeIfAbsent(operator.getKey(), k -> new Document());
        Document adding = (Document) operator.getValue();
        for (Map.Entry<String, Object> field : adding.entrySet()) {
          String name = field.getKey();
          Object value = field.getValue();
          switch (operator.getKey()) {
            case "$set" -> fields.put(name, value);
            case "$setOnInsert" -> fields.putIfAbsent(name, value);
            case "$addToSet" -> {
              @SuppressWarnings("unchecked")
              List<Object> each =
                  (List<Object>)
                      ((Document)
                              fields.computeIfAbsent(
                                  name, k -> new Document("$each", new ArrayList<>())))
                          .get("$each");
              each.add(value);
            }
            case "$max" -> fields.merge(name, value, Pending::larger);
            default -> throw new IllegalStateException(operator.getKey());
          }
        }
      }
      return true;
    }

    private static Document copy(Document update) {
      Document empty = new Document();
      mergeInto(empty, update);
      return empty;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object larger(Object a, Object b) {
      return ((Comparable) a).compareTo(b) >= 0 ? a : b;
    }
  }
}
