package io.fanzha.ledger.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.fanzha.ledger.query.config.ReadModelConversions;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB stand-in on a real socket and a template mapped as the application maps it, for
 * projection tests that run without Spring.
 */
public final class ReadModelStore implements AutoCloseable {

  private final EmbeddedStores stores;
  private final MongoClient client;
  private final MongoTemplate template;

  private ReadModelStore(EmbeddedStores stores) {
    this.stores = stores;
    this.client = MongoClients.create(stores.mongoUri());
    SimpleMongoClientDatabaseFactory factory =
        new SimpleMongoClientDatabaseFactory(client, EmbeddedStores.MONGO_DATABASE);
    MongoCustomConversions conversions = ReadModelConversions.create();
    MongoMappingContext context = new MongoMappingContext();
    context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
    context.afterPropertiesSet();
    MappingMongoConverter converter =
        new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
    converter.setCustomConversions(conversions);
    converter.afterPropertiesSet();
    this.template = new MongoTemplate(factory, converter);
  }

  public static ReadModelStore start() {
    return new ReadModelStore(EmbeddedStores.inMemory());
  }

  public MongoTemplate template() {
    return template;
  }

  /** Every document of a collection as stored, ordered by {@code _id}. */
  public List<Document> raw(String collection) {
    return template.findAll(Document.class, collection).stream()
        .sorted(Comparator.comparing(d -> String.valueOf(d.get("_id"))))
        .toList();
  }

  public void dropAll() {
    template.getDb().drop();
  }

  @Override
  public void close() {
    client.close();
    stores.close();
  }
}
