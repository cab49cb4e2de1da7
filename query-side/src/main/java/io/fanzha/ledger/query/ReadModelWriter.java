package io.fanzha.ledger.query;

import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
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
   * Gathers writes per collection into one ordered bulk. Upserts of one document by its id that
   * only set, set on insert, add to a set or raise a maximum — the way a stream of events touches a
   * unit's facts — are mapped as Spring would send them and merged; when they are sent, the
   * documents they touch are read once, the operators applied here, and each document written back
   * whole. MongoDB (and its stand-in even more) would otherwise rewrite a growing document and
   * compare every element of its sets once per event. Any other write to the collection first sends
   * what is gathered before it, so every document sees its writes in their order.
   */
  private static final class Batched extends ReadModelWriter {

    private static final Set<String> MERGEABLE =
        Set.of("$set", "$setOnInsert", "$addToSet", "$max");

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final UpdateMapper updates;
    private int gathered;

    Batched(MongoTemplate mongo, CollectionNames names) {
      super(mongo, names);
      this.updates = new UpdateMapper(mongo.getConverter());
    }

    @Override
    public void upsert(Query query, Update update, Class<?> document) {
      Document criteria = query.getQueryObject();
      Pending collection = pending(document);
      if (criteria.size() == 1 && criteria.containsKey("_id") && mergeable(update)) {
        Document mapped =
            updates.getMappedObject(
                update.getUpdateObject(),
                mongo.getConverter().getMappingContext().getPersistentEntity(document));
        collection.merge(criteria.get("_id"), mapped);
      } else {
        collection.sendMerged().upsert(query, update);
      }
      gathered();
    }

    @Override
    public void updateFirst(Query query, Update update, Class<?> document) {
      pending(document).sendMerged().updateOne(query, update);
      gathered();
    }

    @Override
    public void save(Object document) {
      Document converted = new Document();
      mongo.getConverter().write(document, converted);
      pending(document.getClass()).save(converted);
      gathered();
    }

    @Override
    public void flush() {
      pending.values().forEach(Pending::send);
      pending.clear();
      gathered = 0;
    }

    private Pending pending(Class<?> document) {
      return pending.computeIfAbsent(
          names().of(document), collection -> new Pending(mongo, document, collection));
    }

    private void gathered() {
      if (++gathered >= BATCH) {
        flush();
      }
    }

    private static boolean mergeable(Update update) {
      Document operators = update.getUpdateObject();
      if (!MERGEABLE.containsAll(operators.keySet())) {
        return false;
      }
      return operators.values().stream()
          .flatMap(fields -> ((Document) fields).keySet().stream())
          .noneMatch(field -> field.contains("."));
    }
  }

  /** One collection's ordered bulk, and the merged upserts by id gathered ahead of it. */
  private static final class Pending {

    private final MongoTemplate mongo;
    private final Class<?> type;
    private final String collection;
    private final Map<Object, Document> merging = new LinkedHashMap<>();
    private final Map<Object, Document> saving = new LinkedHashMap<>();
    private BulkOperations bulk;
    private boolean bulkHasWrites;

    Pending(MongoTemplate mongo, Class<?> type, String collection) {
      this.mongo = mongo;
      this.type = type;
      this.collection = collection;
    }

    /** A whole document to store under its id: inserted when new, else replacing the stored one. */
    void save(Document document) {
      if (!merging.isEmpty()) {
        send();
      }
      saving.put(document.get("_id"), document);
    }

    void merge(Object id, Document mapped) {
      if (!saving.isEmpty()) {
        send();
      }
      Document merged = merging.get(id);
      if (merged != null && !mergeInto(merged, mapped)) {
        sendMerged();
        merged = null;
      }
      if (merged == null) {
        Document fresh = new Document();
        mergeInto(fresh, mapped);
        merging.put(id, fresh);
      }
    }

    /** The bulk for the next write, with everything gathered before it sent first. */
    BulkOperations sendMerged() {
      if (!merging.isEmpty() || !saving.isEmpty()) {
        send();
      }
      if (bulk == null) {
        bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, type, collection);
      }
      bulkHasWrites = true;
      return bulk;
    }

    /** Sends the bulk, then the merged documents, read once and written back whole. */
    void send() {
      if (bulk != null && bulkHasWrites) {
        bulk.execute();
      }
      bulk = null;
      bulkHasWrites = false;
      sendSaved();
      if (merging.isEmpty()) {
        return;
      }
      MongoCollection<Document> documents = mongo.getCollection(collection);
      Map<Object, Document> stored = new HashMap<>();
      documents
          .find(Filters.in("_id", merging.keySet()))
          .forEach(document -> stored.put(document.get("_id"), document));
      List<ReplaceOneModel<Document>> writes = new ArrayList<>(merging.size());
      merging.forEach(
          (id, update) -> {
            Document document = stored.get(id);
            boolean inserted = document == null;
            if (inserted) {
              document = new Document("_id", id);
            }
            apply(update, document, inserted);
            writes.add(
                new ReplaceOneModel<>(
                    Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
          });
      documents.bulkWrite(writes, new BulkWriteOptions().ordered(true));
      merging.clear();
    }

    /** New documents in one insert, the few already stored replaced. */
    private void sendSaved() {
      if (saving.isEmpty()) {
        return;
      }
      MongoCollection<Document> documents = mongo.getCollection(collection);
      Set<Object> stored = new HashSet<>();
      documents
          .find(Filters.in("_id", saving.keySet()))
          .projection(Projections.include("_id"))
          .forEach(document -> stored.add(document.get("_id")));
      List<WriteModel<Document>> writes = new ArrayList<>(saving.size());
      saving.forEach(
          (id, document) ->
              writes.add(
                  stored.contains(id)
                      ? new ReplaceOneModel<>(Filters.eq("_id", id), document)
                      : new InsertOneModel<>(document)));
      documents.bulkWrite(writes, new BulkWriteOptions().ordered(true));
      saving.clear();
    }

    /** What MongoDB does with these operators, done here on the whole document. */
    @SuppressWarnings("unchecked")
    private static void apply(Document update, Document document, boolean inserted) {
      update.forEach(
          (operator, value) ->
              ((Document) value)
                  .forEach(
                      (field, argument) -> {
                        switch (operator) {
                          case "$set" -> document.put(field, argument);
                          case "$setOnInsert" -> {
                            if (inserted) {
                              document.put(field, argument);
                            }
                          }
                          case "$max" -> {
                            Object current = document.get(field);
                            if (current == null || compare(argument, current) > 0) {
                              document.put(field, argument);
                            }
                          }
                          case "$addToSet" -> {
                            List<Object> set =
                                (List<Object>)
                                    document.computeIfAbsent(field, k -> new ArrayList<>());
                            Set<Object> present = new HashSet<>(set);
                            for (Object each : (List<Object>) ((Document) argument).get("$each")) {
                              if (present.add(each)) {
                                set.add(each);
                              }
                            }
                          }
                          default -> throw new IllegalStateException(operator);
                        }
                      }));
    }

    /**
     * Adds a mapped update to {@code merged}, or answers false when they cannot be one write (a
     * field under two different operators).
     */
    @SuppressWarnings("unchecked")
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
        for (Map.Entry<String, Object> field : ((Document) operator.getValue()).entrySet()) {
          String name = field.getKey();
          Object value = field.getValue();
          switch (operator.getKey()) {
            case "$set" -> fields.put(name, value);
            case "$setOnInsert" -> fields.putIfAbsent(name, value);
            case "$addToSet" -> {
              List<Object> each =
                  (List<Object>)
                      ((Document)
                              fields.computeIfAbsent(
                                  name, k -> new Document("$each", new ArrayList<>())))
                          .get("$each");
              if (value instanceof Document modifier && modifier.containsKey("$each")) {
                each.addAll((List<Object>) modifier.get("$each"));
              } else {
                each.add(value);
              }
            }
            case "$max" -> fields.merge(name, value, (a, b) -> compare(a, b) >= 0 ? a : b);
            default -> throw new IllegalStateException(operator.getKey());
          }
        }
      }
      return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
      return ((Comparable) a).compareTo(b);
    }
  }
}
